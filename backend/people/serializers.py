from delivery.fields import ReadOnlyField
from delivery.images import image_representation


def author_representation(author) -> dict:
    return {
        "id": author.pk,
        "name": author.name,
        "slug": author.slug,
        "bio": author.bio,
        "photo": image_representation(author.photo, alt=author.name),
    }


class AuthorsField(ReadOnlyField):
    def to_representation(self, authors):
        return [author_representation(author) for author in authors.all()]
