from django.db.models import Prefetch

from people.selectors import authors_prefetch


def authored_page_relations(queryset, *, image_field: str, tag_model):
    """What an authored page (post, course) serialises, fetched in a fixed number of
    queries: its image, tags, and authors with their photos. The images' renditions
    come in one batch with the stream's (delivery.prefetch)."""
    return queryset.select_related(image_field, "locale").prefetch_related(
        Prefetch("tagged_items", queryset=tag_model.objects.select_related("tag")),
        authors_prefetch(),
    )
