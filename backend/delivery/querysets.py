from django.db.models import Prefetch

from delivery.images import renditions_prefetch
from people.selectors import authors_prefetch


def authored_page_relations(queryset, *, image_field: str, tag_model):
    """What an authored page (post, course) serialises, fetched in a fixed number of
    queries: its image and renditions, tags, and authors with their photos."""
    return queryset.select_related(image_field, "locale").prefetch_related(
        renditions_prefetch(image_field),
        Prefetch("tagged_items", queryset=tag_model.objects.select_related("tag")),
        authors_prefetch(),
    )
