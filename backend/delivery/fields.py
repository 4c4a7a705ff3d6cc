"""Serializer fields for page ``api_fields``, importable from models."""

from rest_framework import serializers

from delivery.images import image_representation
from delivery.querysets import NOT_ANNOTATED, annotated_json


class ReadOnlyField(serializers.Field):
    """A field the public API only ever reads."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class ImageField(ReadOnlyField):
    """An image with alt text, intrinsic size and responsive renditions."""

    def get_attribute(self, instance):
        # A missing image is a value (null), not an error.
        return getattr(instance, self.source, None)

    def to_representation(self, value):
        return image_representation(value)


class TagNamesField(ReadOnlyField):
    """Tag names, sorted: from the page's own row when its queryset annotated them
    (delivery.querysets.with_tag_names), else through ``tagged_items`` (drafts).
    The tag manager itself cannot be prefetched (wagtail#6044)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        names = annotated_json(page, "api_tag_names")
        if names is NOT_ANNOTATED:
            names = [item.tag.name for item in page.tagged_items.all()]
        return sorted(names or [])


class ExerciseTitlesField(ReadOnlyField):
    """A lesson's exercises as ``{id, title}``, in order. A preview shows the draft's
    own exercises, whose new ones have no id yet."""

    def to_representation(self, exercises):
        return [{"id": exercise.pk, "title": exercise.title} for exercise in exercises.all()]
