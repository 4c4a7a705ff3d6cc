"""The Wagtail v2 content API, as readers may see it.

Our pages endpoint differs from stock Wagtail in four ways: it serves only pages
that anonymous readers may see, whoever asks; it applies each page model's
``api_queryset`` so that listings cost a constant number of queries; it resolves
every StreamField reference of a response in one batch; and its errors use the
project's one JSON format.
"""

import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import QuerySet
from django.http import Http404
from django.urls import path
from django.utils.cache import patch_cache_control
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.serializers import Serializer
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page

from core.errors import api_exception_handler
from core.ids import is_database_id
from delivery import openapi
from delivery.filters import PageFiltersBackend
from delivery.prefetch import prefetched_references
from delivery.preview import preview_page
from delivery.querysets import with_public_parent
from delivery.search import BoundedSearchFilter, PlainSearchFilter
from delivery.serializers import ReaderPageSerializer
from delivery.sites import site_for_request
from delivery.visibility import public_pages


class ReaderAPIMixin:
    """Compact JSON only, and the project's one error format."""

    renderer_classes = [JSONRenderer]
    # Public and the same for everyone: no credentials are read at all.
    authentication_classes = []
    permission_classes = [AllowAny]

    def get_renderer_context(self):
        return {**super().get_renderer_context(), "indent": None}

    def get_serializer_class(self):
        # Wagtail derives serializers from the request; the schema generator has none
        # (the real shapes are declared in delivery/openapi.py).
        if getattr(self, "swagger_fake_view", False):
            return Serializer
        return super().get_serializer_class()

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        # Wagtail builds a new serializer class, field by field, on every request.
        return _serializer_class_for(
            cls, router, model, _frozen(fields_config), show_details, nested
        )

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # PostgreSQL refuses NUL in text, so a %00 in any filter or search was a 500.
        if any("\x00" in value for _, values in request.GET.lists() for value in values):
            raise BadRequestError("query parameters must not contain NUL characters")
        if "rich_text_format" in request.GET:
            # One representation: rich text always leaves as sanitised reader HTML.
            raise BadRequestError("rich_text_format is not supported: rich text is HTML")
        # Wagtail slices by any offset it can parse; beyond 2**63 databases overflow.
        offset = request.GET.get("offset", "")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset must be at most {MAX_OFFSET}")

    def find_object(self, queryset, request):
        if "id" in request.GET and not _is_database_id(request.GET["id"]):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        response = api_exception_handler(exc, self.get_exception_handler_context())
        if response is None:
            raise exc
        return self.finalize_response(self.request, response)


@functools.lru_cache(maxsize=512)
def _serializer_class_for(endpoint, router, model, fields_config, show_details, nested):
    build = super(ReaderAPIMixin, endpoint)._get_serializer_class
    return build(router, model, fields_config, show_details=show_details, nested=nested)


def _frozen(fields_config):
    """``?fields=`` as parsed by Wagtail (lists of (name, negated, sub-fields)), hashable."""
    if fields_config is None:
        return None
    return tuple(
        (name, negated, _frozen(sub_fields)) for name, negated, sub_fields in fields_config
    )


MAX_DATABASE_ID = 2**31 - 1
MAX_OFFSET = 2**31 - 1
UNKNOWN_SITE = "site must be the hostname[:port] of one of our sites"


def _is_database_id(value: str) -> bool:
    return is_database_id(value, maximum=MAX_DATABASE_ID)


def _check_search_parameters(query) -> None:
    # Wagtail passes these on unchecked: a long query is a parser cost, a bad operator a 500.
    if len(query.get("search", "")) > settings.SEARCH_QUERY_MAX_LENGTH:
        raise BadRequestError(
            f"search must be at most {settings.SEARCH_QUERY_MAX_LENGTH} characters"
        )
    if query.get("search_operator", "and") not in ("and", "or"):
        raise BadRequestError("search_operator must be 'and' or 'or'")


def _check_locale_parameter(query) -> None:
    locale = query.get("locale")
    if locale is not None and not Locale.objects.filter(language_code=locale).exists():
        raise BadRequestError("locale must be the language code of one of the site's locales")


def _apply_api_queryset(queryset):
    optimise = getattr(queryset.model, "api_queryset", None)
    return optimise(queryset) if optimise else queryset


def _with_search_filter(backends, search_filter) -> list:
    return [search_filter if backend is SearchFilter else backend for backend in backends]


class ReaderPagesAPIViewSet(ReaderAPIMixin, PagesAPIViewSet):
    """Published pages that anonymous readers may see: no drafts, no restricted pages.
    `?type=` picks a page type (and its filters), `?fields=` the fields, `?search=`
    searches; responses carry an ETag and may be cached for a second."""

    base_serializer_class = ReaderPageSerializer
    filter_backends = [
        PageFiltersBackend,
        *_with_search_filter(PagesAPIViewSet.filter_backends, BoundedSearchFilter),
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        PageFiltersBackend.query_parameters
    )

    def get_base_queryset(self):
        # Wagtail rebuilds this several times per request; each build costs queries.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = self._public_site_pages(Page)
        return self._base_queryset

    def _public_site_pages(self, model):
        if not hasattr(self, "_site"):
            self._site = self._requested_site()
        return public_pages(model.objects.descendant_of(self._site.root_page, inclusive=True))

    def _requested_site(self):
        if "site" not in self.request.GET:
            site = site_for_request(self.request)
            if site is None:
                raise NotFound()
            return site
        try:
            site = SiteFilterValidator(
                site=self.request.GET.get("site"), request=self.request
            ).site_obj
        except (ValueError, Http404) as exc:
            raise BadRequestError(UNKNOWN_SITE) from exc
        if site is None:
            raise NotFound()
        return site

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is not Page:
            # Stock Wagtail keeps a single page type's rows ``id__in`` the Page-based
            # queryset, so PostgreSQL gathers every public page before it can sort;
            # filtering the type's own rows lets it walk an index in listing order and
            # stop after one page of results (bench/scale.py).
            queryset = self._public_site_pages(queryset.model)
        default_ordering = getattr(queryset.model, "api_default_ordering", None)
        if default_ordering:
            queryset = queryset.order_by(*default_ordering)
        return _apply_api_queryset(queryset)

    @extend_schema(
        operation_id="pages_find",
        parameters=openapi.FIND_PARAMETERS,
        responses=openapi.FIND_RESPONSES,
    )
    def find_view(self, request):
        return super().find_view(request)

    def check_query_parameters(self, queryset):
        _check_search_parameters(self.request.GET)
        _check_locale_parameter(self.request.GET)
        super().check_query_parameters(queryset)

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = self._public_specific_page(str(self.kwargs["pk"]))
        return self._cached_object

    def _public_specific_page(self, pk: str) -> Page:
        """One cheap query for the page's type, then one for its row as that type, with
        the visibility rules, the type's ``api_queryset`` and the page's parent.

        Stock Wagtail loads the page as a Page through every listing filter and then
        again as its specific type (wagtail#6133), and its parent with two more
        queries; the listing's filters mean nothing for a single page.
        """
        if not _is_database_id(pk):
            raise NotFound()
        content_type_id = _page_content_type_id(int(pk))
        if content_type_id is None:
            raise NotFound()
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        if not hasattr(self, "_site"):
            self._site = self._requested_site()
        queryset = _public_detail_queryset(model, self._site.root_page).filter(pk=pk)
        try:
            return queryset.get()
        except model.DoesNotExist as exc:
            raise NotFound() from exc

    @extend_schema(
        operation_id="pages_list",
        parameters=openapi.LISTING_PARAMETERS,
        responses=openapi.LISTING_RESPONSES,
    )
    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        page_of_results = _page_of_results(queryset, self.paginate_queryset(queryset))
        with prefetched_references(page_of_results, request=request):
            data = self.get_serializer(page_of_results, many=True).data
        return self.get_paginated_response(data)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        capped = getattr(self, "search_matches_capped", False)
        response.data["meta"]["total_count_is_capped"] = capped
        return response

    @extend_schema(
        operation_id="pages_retrieve",
        parameters=[openapi.FIELDS_PARAMETER],
        responses=openapi.DETAIL_RESPONSES,
    )
    def detail_view(self, request, pk):
        return Response(self.object_data())

    def object_data(self) -> dict:
        instance = self.get_object()
        with prefetched_references([instance], request=self.request):
            return self.get_serializer(instance).data


def _page_content_type_id(pk: int) -> int | None:
    # A query this small spent more time in the ORM than in the database.
    with connection.cursor() as cursor:
        cursor.execute(_CONTENT_TYPE_SQL, [pk])
        row = cursor.fetchone()
    return row[0] if row else None


_CONTENT_TYPE_SQL = f'SELECT content_type_id FROM "{Page._meta.db_table}" WHERE id = %s'  # noqa: S608


def _public_detail_queryset(model, site_root: Page) -> QuerySet:
    """The rows of ``model`` that a page detail may serve under ``site_root``."""
    return _public_detail_queryset_under(model, site_root.path, site_root.depth)


@functools.lru_cache(maxsize=64)
def _public_detail_queryset_under(model, root_path: str, root_depth: int) -> QuerySet:
    # Built once per page type and site root, then only cloned (by filtering on
    # the id), so it never holds rows: building it cost the ORM about half a
    # millisecond a request (bench/content.py).
    pages = public_pages(model.objects.filter(path__startswith=root_path, depth__gte=root_depth))
    return with_public_parent(_apply_api_queryset(pages), root_path)


def _page_of_results(queryset, page) -> list:
    """The rows of one listing page, found by id first when the database pages them.

    Deep in a long listing (``offset`` near the end of 50,000 posts) PostgreSQL would
    otherwise assemble every full row, bodies included, up to the offset; the ids
    alone sort in memory, and then only the page's rows are loaded in full
    (bench/scale.py). Search results are paged by the search backend: used as they are.
    """
    if not isinstance(queryset, QuerySet):
        return list(page)
    ids = list(page.values_list("pk", flat=True))
    rows = queryset.in_bulk(ids)
    return [rows[pk] for pk in ids]


class PreviewQuery(serializers.Serializer):
    content_type = serializers.CharField(max_length=100)
    token = serializers.CharField(max_length=255)


class PagePreviewAPIViewSet(ReaderPagesAPIViewSet):
    """One draft, shaped like a page detail, for whoever holds its preview token."""

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "detail_view"}), name="detail")]

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            query = PreviewQuery(data=self.request.GET)
            query.is_valid(raise_exception=True)
            self._cached_object = preview_page(**query.validated_data)
        return self._cached_object

    @extend_schema(
        operation_id="page_preview_retrieve",
        parameters=openapi.PREVIEW_PARAMETERS,
        responses=openapi.PREVIEW_RESPONSES,
    )
    def detail_view(self, request):
        response = Response(self.object_data())
        # Drafts are for the editor who asked: never stored, shared or indexed.
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
        return response


def _public_collections():
    """Collections with no view restriction on them or on any ancestor."""
    restricted_paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    queryset = Collection.objects.all()
    for restricted_path in restricted_paths:
        queryset = queryset.exclude(path__startswith=restricted_path)
    return queryset


class PublicImagesAPIViewSet(ReaderAPIMixin, ImagesAPIViewSet):
    """Images in collections without a view restriction."""

    filter_backends = _with_search_filter(ImagesAPIViewSet.filter_backends, PlainSearchFilter)

    def get_queryset(self):
        return super().get_queryset().filter(collection__in=_public_collections())

    @extend_schema(
        operation_id="images_list",
        parameters=openapi.MEDIA_PARAMETERS,
        responses=openapi.IMAGE_RESPONSES["listing"],
    )
    def listing_view(self, request):
        return super().listing_view(request)

    @extend_schema(operation_id="images_retrieve", responses=openapi.IMAGE_RESPONSES["detail"])
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    @extend_schema(
        operation_id="images_find",
        parameters=[OpenApiParameter("id", int)],
        responses=openapi.FIND_RESPONSES,
    )
    def find_view(self, request):
        return super().find_view(request)


class PublicDocumentsAPIViewSet(ReaderAPIMixin, DocumentsAPIViewSet):
    """Documents in collections without a view restriction."""

    filter_backends = _with_search_filter(DocumentsAPIViewSet.filter_backends, PlainSearchFilter)

    def get_queryset(self):
        return super().get_queryset().filter(collection__in=_public_collections())

    @extend_schema(
        operation_id="documents_list",
        parameters=openapi.MEDIA_PARAMETERS,
        responses=openapi.DOCUMENT_RESPONSES["listing"],
    )
    def listing_view(self, request):
        return super().listing_view(request)

    @extend_schema(
        operation_id="documents_retrieve", responses=openapi.DOCUMENT_RESPONSES["detail"]
    )
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    @extend_schema(
        operation_id="documents_find",
        parameters=[OpenApiParameter("id", int)],
        responses=openapi.FIND_RESPONSES,
    )
    def find_view(self, request):
        return super().find_view(request)
