"""What anonymous readers may see. The public API never serves anything else,
whoever is signed in, so that its responses are the same for everyone and safe
to cache."""

from wagtail.models import PageViewRestriction

_REQUEST_CACHE_ATTRIBUTE = "_delivery_restricted_paths"


def restricted_page_paths(request=None) -> list[str]:
    """Tree paths of pages with a view restriction, read once per request."""
    cached = getattr(request, _REQUEST_CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
    if request is not None:
        setattr(request, _REQUEST_CACHE_ATTRIBUTE, paths)
    return paths


def public_pages(queryset, request=None):
    """Live pages with no view restriction on them or on any ancestor."""
    queryset = queryset.live()
    for path in restricted_page_paths(request):
        queryset = queryset.exclude(path__startswith=path)
    return queryset
