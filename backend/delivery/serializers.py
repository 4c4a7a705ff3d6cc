"""Serializers for the reader-facing content API."""

from wagtail.api.v2.serializers import (
    DetailUrlField,
    PageAliasOfField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)

from delivery.fields import ReadOnlyField
from delivery.urls import frontend_url, frontend_url_parts


class FrontendHtmlUrlField(ReadOnlyField):
    """``html_url``: where readers find the page, on the frontend."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        url_parts = frontend_url_parts(page, self.context.get("request"))
        return frontend_url(url_parts[1]) if url_parts else None


class SavedPageDetailUrlField(DetailUrlField):
    """``detail_url``, or null for a draft of a page that has never been saved."""

    def get_attribute(self, instance):
        if instance.pk is None:
            return None
        return super().get_attribute(instance)


def _page_summary(page, context) -> dict:
    serializer_class = get_serializer_class(
        type(page),
        ["id", "type", "detail_url", "html_url", "title"],
        meta_fields=["type", "detail_url", "html_url"],
        base=ReaderPageSerializer,
    )
    return serializer_class(context=context).to_representation(page)


class ReaderPageParentField(PageParentField):
    def to_representation(self, value):
        return _page_summary(value, self.context)


class ReaderPageAliasOfField(PageAliasOfField):
    def to_representation(self, value):
        return _page_summary(value, self.context)


class ReaderPageSerializer(PageSerializer):
    html_url = FrontendHtmlUrlField()
    detail_url = SavedPageDetailUrlField(read_only=True)
    parent = ReaderPageParentField(read_only=True)
    alias_of = ReaderPageAliasOfField(read_only=True)
