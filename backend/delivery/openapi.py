"""OpenAPI schemas of the content API (/api/v2/): one per page type and per block.

Wagtail's v2 views build their serializers per request from ``?type`` and
``?fields``, which no generator can see, so the shapes are declared here, next
to the blocks and ``api_fields`` they describe. Every field is
optional because ``?fields=`` chooses which appear (``_`` drops even ``id``).
"""

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema_field,
)
from rest_framework import serializers

from core.choices import Difficulty
from core.openapi import PageMetaSerializer, errors
from delivery.blocks import CODE_LANGUAGES


class ReaderHtmlField(serializers.CharField):
    """Rich text as every API serves it (``delivery.reader_html``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text", "Sanitised HTML: the editor's tags, http(s) and mailto links, no script"
        )
        super().__init__(**kwargs)


class RenditionSchema(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()

    class Meta:
        ref_name = "Rendition"


class ImageSchema(serializers.Serializer):
    id = serializers.IntegerField()
    alt = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    renditions = RenditionSchema(many=True)

    class Meta:
        ref_name = "ContentImage"


class AuthorSchema(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    bio = serializers.CharField(allow_blank=True)
    photo = ImageSchema(allow_null=True)

    class Meta:
        ref_name = "ContentAuthor"


class CategorySchema(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()

    class Meta:
        ref_name = "Category"


def _block(name: str, value_field, ref_name: str):
    attrs = {
        "type": serializers.ChoiceField(choices=[name]),
        "value": value_field,
        "id": serializers.CharField(),
        "Meta": type("Meta", (), {"ref_name": ref_name}),
    }
    return type(f"{ref_name}Schema", (serializers.Serializer,), attrs)


def _struct(ref_name: str, **fields):
    attrs = {**fields, "Meta": type("Meta", (), {"ref_name": ref_name})}
    return type(f"{ref_name}Schema", (serializers.Serializer,), attrs)()


BLOCK_SCHEMAS = {
    "paragraph": _block("paragraph", ReaderHtmlField(), "ParagraphBlock"),
    "heading": _block(
        "heading",
        _struct(
            "HeadingValue",
            text=serializers.CharField(),
            level=serializers.ChoiceField(choices=["h2", "h3", "h4"]),
            anchor=serializers.CharField(),
        ),
        "HeadingBlock",
    ),
    "code": _block(
        "code",
        _struct(
            "CodeValue",
            language=serializers.ChoiceField(choices=[key for key, _label in CODE_LANGUAGES]),
            filename=serializers.CharField(allow_blank=True),
            code=serializers.CharField(),
        ),
        "CodeBlock",
    ),
    "image": _block(
        "image",
        _struct("ImageValue", image=ImageSchema(allow_null=True), caption=serializers.CharField()),
        "ImageBlock",
    ),
    "quote": _block(
        "quote",
        _struct("QuoteValue", quote=serializers.CharField(), attribution=serializers.CharField()),
        "QuoteBlock",
    ),
    "callout": _block(
        "callout",
        _struct(
            "CalloutValue",
            kind=serializers.ChoiceField(choices=["note", "tip", "warning", "danger"]),
            title=serializers.CharField(allow_blank=True),
            body=ReaderHtmlField(),
        ),
        "CalloutBlock",
    ),
    "embed": _block(
        "embed",
        _struct(
            "EmbedValue",
            url=serializers.URLField(allow_null=True),
            caption=serializers.CharField(allow_blank=True),
        ),
        "EmbedBlock",
    ),
}


def _article_blocks():
    return PolymorphicProxySerializer(
        component_name="ArticleBlock",
        serializers=BLOCK_SCHEMAS,
        resource_type_field_name="type",
        many=True,
        required=False,
    )


OPTIONAL = {"required": False}
NEVER_SAVED = "Null only in the preview of a page that has never been saved."


@extend_schema_field(_article_blocks())
class ArticleBodyField(serializers.JSONField):
    """A StreamField of article blocks, as the content API serialises it."""


class ContentPageMetaSchema(serializers.Serializer):
    type = serializers.CharField(help_text="app_label.ModelName, e.g. blog.BlogPage")
    detail_url = serializers.URLField(allow_null=True, help_text=NEVER_SAVED, **OPTIONAL)
    html_url = serializers.URLField(allow_null=True, help_text="On the frontend", **OPTIONAL)
    slug = serializers.CharField(**OPTIONAL)
    show_in_menus = serializers.BooleanField(**OPTIONAL)
    seo_title = serializers.CharField(allow_blank=True, **OPTIONAL)
    search_description = serializers.CharField(allow_blank=True, **OPTIONAL)
    first_published_at = serializers.DateTimeField(allow_null=True, **OPTIONAL)
    alias_of = serializers.JSONField(allow_null=True, **OPTIONAL)
    locale = serializers.CharField(**OPTIONAL)
    parent = serializers.JSONField(allow_null=True, help_text="Detail only", **OPTIONAL)

    class Meta:
        ref_name = "ContentPageMeta"


class _PageSchema(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, help_text=NEVER_SAVED, **OPTIONAL)
    meta = ContentPageMetaSchema(**OPTIONAL)
    title = serializers.CharField(**OPTIONAL)


class HomePageSchema(_PageSchema):
    introduction = serializers.CharField(allow_blank=True, **OPTIONAL)

    class Meta:
        ref_name = "HomePage"


class BlogIndexPageSchema(HomePageSchema):
    class Meta:
        ref_name = "BlogIndexPage"


class CoursesIndexPageSchema(HomePageSchema):
    class Meta:
        ref_name = "CoursesIndexPage"


class _AuthoredPageSchema(_PageSchema):
    difficulty = serializers.ChoiceField(choices=Difficulty.values, **OPTIONAL)
    authors = AuthorSchema(many=True, **OPTIONAL)
    tags = serializers.ListField(child=serializers.CharField(), **OPTIONAL)


class BlogPageSchema(_AuthoredPageSchema):
    introduction = serializers.CharField(**OPTIONAL)
    hero_image = ImageSchema(allow_null=True, **OPTIONAL)
    date = serializers.DateField(**OPTIONAL)
    categories = CategorySchema(many=True, **OPTIONAL)
    reading_time_minutes = serializers.IntegerField(**OPTIONAL)
    body = _article_blocks()

    class Meta:
        ref_name = "BlogPage"


class CoursePageSchema(_AuthoredPageSchema):
    summary = serializers.CharField(**OPTIONAL)
    cover_image = ImageSchema(allow_null=True, **OPTIONAL)
    estimated_hours = serializers.IntegerField(**OPTIONAL)
    objectives = serializers.JSONField(help_text="[{type: 'objective', value, id}]", **OPTIONAL)

    class Meta:
        ref_name = "CoursePage"


class LessonExerciseSchema(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, help_text="null for a draft's new exercise")
    title = serializers.CharField()

    class Meta:
        ref_name = "LessonExercise"


class LessonPageSchema(_PageSchema):
    summary = serializers.CharField(allow_blank=True, **OPTIONAL)
    estimated_minutes = serializers.IntegerField(**OPTIONAL)
    body = _article_blocks()
    exercises = LessonExerciseSchema(many=True, **OPTIONAL)

    class Meta:
        ref_name = "LessonPage"


PAGE_SCHEMAS = [
    HomePageSchema,
    BlogIndexPageSchema,
    BlogPageSchema,
    CoursesIndexPageSchema,
    CoursePageSchema,
    LessonPageSchema,
]

ContentPage = PolymorphicProxySerializer(
    component_name="ContentPage", serializers=PAGE_SCHEMAS, resource_type_field_name=None
)


class ContentPageListingMetaSchema(PageMetaSerializer):
    total_count_is_capped = serializers.BooleanField(
        help_text="True when a search by relevance matched more pages than it ranks "
        "(SEARCH_RANKED_MATCHES): total_count is then that bound, not every match."
    )

    class Meta:
        ref_name = "ContentPageListingMeta"


def _listing(name: str, item, meta=PageMetaSerializer):
    attrs = {
        "meta": meta(),
        "items": item,
        "Meta": type("Meta", (), {"ref_name": name}),
    }
    return type(f"{name}Schema", (serializers.Serializer,), attrs)


PageListing = _listing(
    "ContentPageListing",
    PolymorphicProxySerializer(
        component_name="ContentPage",
        serializers=PAGE_SCHEMAS,
        resource_type_field_name=None,
        many=True,
    ),
    meta=ContentPageListingMetaSchema,
)

_FILTERS = [
    ("type", str, "Page type, e.g. blog.BlogPage; needed for its fields and filters"),
    ("fields", str, "Comma-separated fields; * for all, _ for none, -name to drop one"),
    ("order", str, "A field name, -name for descending, or random"),
    (
        "search",
        str,
        "Full-text search (at most 200 characters). Without `order`, results are by "
        "relevance among the newest matches, 1,000 by default (SEARCH_RANKED_MATCHES); "
        "total_count counts at most those, and meta.total_count_is_capped says when "
        "more matched",
    ),
    ("search_operator", str, "and / or"),
    ("child_of", str, "A page id, or root"),
    ("ancestor_of", int, "A page id"),
    ("descendant_of", int, "A page id"),
    ("difficulty", str, "beginner, intermediate or advanced (posts and courses)"),
    ("tag", str, "A tag slug"),
    ("tags", str, "Tag names, comma-separated (not with search)"),
    ("category", str, "A blog category slug"),
    ("author", str, "An author slug"),
    ("site", str, "hostname[:port] of the site"),
    ("locale", str, "A language code"),
    ("limit", int, "Items per page (at most 50)"),
    ("offset", int, "Items to skip"),
]
_ENUMS = {"search_operator": ["and", "or"]}
LISTING_PARAMETERS = [
    OpenApiParameter(name, kind, description=description, enum=_ENUMS.get(name))
    for name, kind, description in _FILTERS
]
FIELDS_PARAMETER = OpenApiParameter("fields", str, description=_FILTERS[1][2])

LISTING_RESPONSES = {200: PageListing, **errors(400)}
DETAIL_RESPONSES = {200: ContentPage, **errors(400, 404)}
FIND_RESPONSES = {
    302: OpenApiResponse(description="Redirect to the page's detail URL"),
    **errors(400, 404),
}
PREVIEW_PARAMETERS = [
    OpenApiParameter(
        "content_type", str, required=True, description="The page type, e.g. `blog.blogpage`."
    ),
    OpenApiParameter(
        "token",
        str,
        required=True,
        description="The signed preview token Wagtail gave the frontend's preview route; "
        "it expires and is valid only for the page it was issued for.",
    ),
    OpenApiParameter(
        "in_preview_panel", str, description="Sent by the admin's preview panel; ignored."
    ),
    FIELDS_PARAMETER,
]
PREVIEW_RESPONSES = {200: ContentPage, **errors(400, 404)}
FIND_PARAMETERS = [
    OpenApiParameter("html_path", str, description="The page's path on the frontend"),
    OpenApiParameter("id", int),
    FIELDS_PARAMETER,
]


class MediaMetaSchema(serializers.Serializer):
    type = serializers.CharField()
    detail_url = serializers.URLField(**OPTIONAL)
    tags = serializers.ListField(child=serializers.CharField(), **OPTIONAL)
    download_url = serializers.CharField(**OPTIONAL)
    html_url = serializers.CharField(allow_null=True, **OPTIONAL)

    class Meta:
        ref_name = "MediaMeta"


class DocumentItem(serializers.Serializer):
    id = serializers.IntegerField(**OPTIONAL)
    meta = MediaMetaSchema(**OPTIONAL)
    title = serializers.CharField(**OPTIONAL)

    class Meta:
        ref_name = "ContentDocumentItem"


class ImageItem(DocumentItem):
    width = serializers.IntegerField(**OPTIONAL)
    height = serializers.IntegerField(**OPTIONAL)

    class Meta:
        ref_name = "ContentImageItem"


_MEDIA_DESCRIPTIONS = {"search": "Full-text search (at most 200 characters)"}
MEDIA_PARAMETERS = [
    OpenApiParameter(name, kind, description=_MEDIA_DESCRIPTIONS.get(name, description))
    for name, kind, description in _FILTERS
    if name in {"fields", "order", "search", "limit", "offset"}
]


def _media_responses(item, listing_name: str) -> dict:
    return {
        "listing": {200: _listing(listing_name, item(many=True)), **errors(400)},
        "detail": {200: item, **errors(400, 404)},
    }


IMAGE_RESPONSES = _media_responses(ImageItem, "ContentImageListing")
DOCUMENT_RESPONSES = _media_responses(DocumentItem, "ContentDocumentListing")
