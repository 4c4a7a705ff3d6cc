from django.db.models import Prefetch

from delivery.images import renditions_prefetch
from people.models import Author


def authors_prefetch(lookup: str = "authors") -> Prefetch:
    """Prefetch authors with their photos and the photos' API renditions."""
    queryset = Author.objects.select_related("photo").prefetch_related(renditions_prefetch("photo"))
    return Prefetch(lookup, queryset=queryset)
