"""Full-text search in the content API, bounded so that its cost does not grow with
the number of pages that match.

Ranking by relevance and counting exactly both touch every match, so a word most
posts contain costs time in proportion to the whole blog (bench/scale.py). A search
ordered by relevance therefore ranks, counts and pages through the
``SEARCH_RANKED_MATCHES`` most recently created matches only: a search with fewer
matches than that is answered exactly as before, and a broader one answers from the
newest of them, as search engines cap the totals they report.
"""

from django.conf import settings
from wagtail.api.v2.filters import SearchFilter
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError


class BoundedSearchFilter(SearchFilter):
    """Wagtail's search filter with the bound; sets ``view.search_matches_capped``
    when more pages matched than were ranked and counted."""

    def filter_queryset(self, request, queryset, view):
        view.search_matches_capped = False
        if "search" in request.GET and not request.GET["search"].strip():
            # A blank search is no search (SQLite's backend failed on one).
            return queryset
        if _ranks_by_relevance(request, queryset):
            limit = settings.SEARCH_RANKED_MATCHES
            try:
                newest = newest_match_ids(
                    queryset,
                    request.GET["search"],
                    operator=request.GET.get("search_operator"),
                    limit=limit + 1,
                )
            except (FilterFieldError, OrderByFieldError):
                # Wagtail's own filter below turns these into the 400 it documents.
                pass
            else:
                if len(newest) > limit:
                    view.search_matches_capped = True
                    queryset = queryset.filter(pk__in=newest[:limit])
        return super().filter_queryset(request, queryset, view)


def _ranks_by_relevance(request, queryset) -> bool:
    return (
        "search" in request.GET
        and "order" not in request.GET
        and settings.WAGTAILAPI_SEARCH_ENABLED
        and not getattr(queryset, "_filtered_by_tag", False)
    )


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
