from delivery.fields import ReadOnlyField
from delivery.querysets import NOT_ANNOTATED, annotated_json


class CategoriesField(ReadOnlyField):
    """A post's categories by name: from the post's own row when its queryset
    annotated them (BlogPage.api_queryset), else through the relation (drafts)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, post):
        categories = annotated_json(post, "api_categories")
        if categories is NOT_ANNOTATED:
            categories = [{"name": each.name, "slug": each.slug} for each in post.categories.all()]
        return sorted(categories or [], key=lambda category: (category["name"], category["slug"]))
