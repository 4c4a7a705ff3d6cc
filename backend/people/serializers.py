from delivery.fields import ReadOnlyField
from delivery.images import image_representation
from delivery.prefetch import prefetched_image
from delivery.querysets import NOT_ANNOTATED, annotated_json
from people.models import Author


def author_representation(author) -> dict:
    return {
        "id": author.pk,
        "name": author.name,
        "slug": author.slug,
        "bio": author.bio,
        "photo": image_representation(author.photo, alt=author.name),
    }


class AuthorsField(ReadOnlyField):
    """A page's authors by name: from the page's own row when its queryset annotated
    them (delivery.querysets.authored_page_relations), else through the relation
    (drafts)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        annotated = annotated_json(page, "api_authors")
        if annotated is NOT_ANNOTATED:
            authors = list(page.authors.all())
        else:
            authors = [_author_from_columns(**columns) for columns in annotated or []]
        authors.sort(key=lambda author: (author.name, author.pk or 0))
        return [author_representation(author) for author in authors]


def _author_from_columns(*, photo_id, **columns) -> Author:
    return Author(**columns, photo=prefetched_image(photo_id))
