"""Serializer fields for page ``api_fields``, importable from models."""

from rest_framework import serializers

from delivery.images import image_representation


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
    """Tag names read through ``tagged_items``, which, unlike the tag manager, can be
    prefetched (wagtail#6044)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "tagged_items")
        super().__init__(**kwargs)

    def to_representation(self, tagged_items):
        return sorted(item.tag.name for item in tagged_items.all())
