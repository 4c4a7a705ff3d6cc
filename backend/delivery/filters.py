from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError


class PageFiltersBackend(BaseFilterBackend):
    """Filters a page type declares in ``api_filters`` (query parameter -> lookup).

    Filtering goes through a ``pk__in`` sub-query, so it combines with ``?search=``
    (Wagtail's search backends cannot filter on related fields directly).
    """

    query_parameters = frozenset(["tag", "category", "author"])

    def filter_queryset(self, request, queryset, view):
        declared = getattr(queryset.model, "api_filters", {})
        for parameter in self.query_parameters & set(request.GET):
            if parameter not in declared:
                raise BadRequestError(f"'{parameter}' filtering needs a ?type= that supports it")
            value = request.GET[parameter]
            if "\x00" in value:
                raise BadRequestError(f"{parameter} must not contain null characters")
            matching = queryset.model.objects.filter(**{declared[parameter]: value})
            queryset = queryset.filter(pk__in=matching.values("pk"))
        return queryset
