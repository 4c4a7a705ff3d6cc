from delivery.fields import ReadOnlyField


class CategoriesField(ReadOnlyField):
    def to_representation(self, categories):
        return [{"name": category.name, "slug": category.slug} for category in categories.all()]
