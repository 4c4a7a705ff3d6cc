"""Serializers for the reader-facing content API."""

import copy
import functools

from wagtail.api.v2.serializers import (
    DetailUrlField,
    PageAliasOfField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)

from delivery.fields import ReadOnlyField
from delivery.querysets import NOT_ANNOTATED, annotated_json, page_from_summary
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
    return _summary_serializer_class(type(page))(context=context).to_representation(page)


@functools.cache
def _summary_serializer_class(model):
    # Built once per page type: Wagtail would build the class again on every call.
    return get_serializer_class(
        model,
        ["id", "type", "detail_url", "html_url", "title"],
        meta_fields=["type", "detail_url", "html_url"],
        base=ReaderPageSerializer,
    )


class ReaderPageParentField(PageParentField):
    def get_attribute(self, instance):
        summary = annotated_json(instance, "api_parent")
        if summary is not NOT_ANNOTATED:
            return page_from_summary(summary) if summary else None
        # Drafts: Wagtail loads the parent, then asks whether readers may see it.
        if instance.depth is None or instance.depth <= 1:
            return None
        parent_path = instance.path[: -instance.steplen]
        return self.context["base_queryset"].filter(path=parent_path).first()

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

    def get_fields(self):
        # DRF works every field out from the model again for each serializer
        # object, about a tenth of a page detail's time (bench/content.py). The
        # outcome depends only on the class; each object gets fresh copies,
        # made as DRF copies declared fields.
        prototypes = _FIELD_PROTOTYPES.get(type(self))
        if prototypes is None:
            prototypes = _FIELD_PROTOTYPES[type(self)] = super().get_fields()
        return copy.deepcopy(prototypes)


_FIELD_PROTOTYPES: dict[type, dict] = {}
