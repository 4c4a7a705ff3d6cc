from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response


class MetaPagination(LimitOffsetPagination):
    """``?limit=&offset=`` with Wagtail's response shape, so every listing in the API,
    content or learning, pages the same way: ``{"meta": {"total_count"}, "items"}``."""

    default_limit = 20
    max_limit = 50

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
