from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response

MAX_OFFSET = 2**31 - 1


class MetaPagination(LimitOffsetPagination):
    """``?limit=&offset=`` with Wagtail's response shape, so every listing in the API,
    content or learning, pages the same way: ``{"meta": {"total_count"}, "items"}``."""

    default_limit = 20
    max_limit = 50

    def get_limit(self, request):
        return self._bounded(request, self.limit_query_param, 1, self.max_limit, self.default_limit)

    def get_offset(self, request):
        return self._bounded(request, self.offset_query_param, 0, MAX_OFFSET, 0)

    @staticmethod
    def _bounded(request, name: str, low: int, high: int, default: int) -> int:
        """``?name=`` as an integer from ``low`` to ``high``; anything else is a 400 (as the
        content API answers), never silently replaced by the default."""
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            return default
        if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
            raise ValidationError({name: [f"Must be an integer from {low} to {high}."]})
        return int(raw)

    def get_paginated_response(self, data):
        return Response({"meta": {"total_count": self.count}, "items": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["meta", "items"],
            "properties": {
                "meta": {
                    "type": "object",
                    "required": ["total_count"],
                    "properties": {"total_count": {"type": "integer"}},
                },
                "items": schema,
            },
        }
