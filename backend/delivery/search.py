"""Full-text search in the content API, bounded so that its cost does not grow with
the number of pages that match.

Ranking by relevance and counting exactly both touch every match, so a word most
posts contain costs time in proportion to the whole blog (bench/scale.py). A search
ordered by relevance therefore ranks, counts and pages through the
``SEARCH_RANKED_MATCHES`` most recently created matches only: a search with fewer
matches than that is answered exactly as before, and a broader one answers from the
newest of them, as search engines cap the totals they report. A bound of 0 turns
the bound off.
"""

from contextlib import contextmanager

from django.conf import settings
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError


class PlainSearchFilter(BaseFilterBackend):
    """`?search=` in plain words, in place of Wagtail's SearchFilter.

    A blank search is no search, and double quotes, which mean nothing in a plain-text
    query, never reach the backend: SQLite's FTS5 took a lone one for syntax. A search
    of quotes alone has no words, so it matches nothing, as on PostgreSQL.
    """

    def filter_queryset(self, request, queryset, view):
        if not request.GET.get("search", "").strip():
            return queryset
        if not settings.WAGTAILAPI_SEARCH_ENABLED:
            raise BadRequestError("search is disabled")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        words = request.GET["search"].replace('"', " ").strip()
        if not words:
            return queryset.none()
        return self.search(words, request, queryset, view)

    def search(self, words, request, queryset, view):
        with _indexed_fields_only():
            return get_search_backend().search(
                words,
                queryset,
                operator=request.GET.get("search_operator"),
                order_by_relevance="order" not in request.GET,
            )


class BoundedSearchFilter(PlainSearchFilter):
    """Search with the bound; sets ``view.search_matches_capped`` when more pages
    matched than were ranked and counted."""

    def filter_queryset(self, request, queryset, view):
        view.search_matches_capped = False
        return super().filter_queryset(request, queryset, view)

    def search(self, words, request, queryset, view):
        limit = settings.SEARCH_RANKED_MATCHES
        if limit and "order" not in request.GET:
            with _indexed_fields_only():
                newest = newest_match_ids(
                    queryset, words, operator=request.GET.get("search_operator"), limit=limit + 1
                )
            if len(newest) > limit:
                view.search_matches_capped = True
                queryset = queryset.filter(pk__in=newest[:limit])
        return super().search(words, request, queryset, view)


@contextmanager
def _indexed_fields_only():
    try:
        yield
    except FilterFieldError as exc:
        raise BadRequestError(
            f"cannot filter by '{exc.field_name}' while searching (field is not indexed)"
        ) from exc
    except OrderByFieldError as exc:
        raise BadRequestError(
            f"cannot order by '{exc.field_name}' while searching (field is not indexed)"
        ) from exc


def newest_match_ids(queryset, query: str, *, operator: str | None, limit: int) -> list[int]:
    """The ids of the ``limit`` most recently created pages of ``queryset`` that match
    ``query``, found without ranking: the database walks the primary key backwards
    and stops at ``limit`` matches."""
    results = get_search_backend().search(
        query, queryset.order_by("-id"), operator=operator, order_by_relevance=False
    )[:limit]
    as_queryset = getattr(results, "get_queryset", None)
    if as_queryset is not None:
        # PostgreSQL's backend exposes its query: only the ids need to be read.
        return list(as_queryset().values_list("pk", flat=True))
    return [page.pk for page in results]
