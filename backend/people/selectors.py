from django.db.models import Prefetch

from people.models import Author


def authors_prefetch(lookup: str = "authors") -> Prefetch:
    """Prefetch authors with their photos (whose renditions come with the page's batch)."""
    return Prefetch(lookup, queryset=Author.objects.select_related("photo"))
