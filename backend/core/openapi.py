"""OpenAPI helpers shared by every API app: the error schema and the auth schemes."""

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    inline_serializer,
)
from rest_framework import serializers

from core.errors import error_payload

DOCUMENTED_PREFIXES = ("/api/v1/", "/api/v2/")


def only_documented_apis(endpoints, **kwargs):
    """Keep our APIs; allauth's /api/auth/ is described by allauth's own spec."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(DOCUMENTED_PREFIXES)]


ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "status": serializers.IntegerField(),
        "code": serializers.CharField(),
        "message": serializers.CharField(),
        "fields": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()), required=False
        ),
    },
)


def errors(*statuses: int) -> dict[int, OpenApiResponse]:
    descriptions = {
        400: "Invalid input",
        401: "Not signed in",
        403: "Forbidden (for example a missing CSRF token)",
        404: "Not found, or not yours",
        409: "Conflict (for example not enrolled)",
        413: "Request body too large",
        429: "Too many requests; Retry-After says when to try again",
        503: "Temporarily unavailable (for example an AI budget spent or a provider down)",
        504: "An upstream provider did not answer in time",
    }
    return {
        status: OpenApiResponse(
            ErrorSerializer, description=descriptions[status], examples=[error_example(status)]
        )
        for status in statuses
    }


_EXAMPLE_ERRORS = {
    400: {"code": "invalid", "fields": {"code": ["This field is required."]}},
    401: {"code": "not_authenticated"},
    403: {"code": "permission_denied"},
    404: {"code": "not_found"},
    409: {"code": "not_enrolled", "message": "Enrol in the course first."},
    413: {"code": "payload_too_large"},
    429: {"code": "throttled", "message": "Too many requests; try again in 30 seconds."},
    503: {"code": "service_unavailable"},
    504: {"code": "ai_timeout", "message": "The AI provider did not answer in time."},
}


def error_example(status: int) -> OpenApiExample:
    example = _EXAMPLE_ERRORS.get(status, {"code": "error"})
    return OpenApiExample(
        f"{status} error",
        value=error_payload(status_code=status, **example),
        response_only=True,
        status_codes=[str(status)],
    )


class SessionTokenScheme(OpenApiAuthenticationExtension):
    target_class = "core.authentication.SessionTokenAuthentication"
    name = "sessionToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Session-Token",
            "description": "Session token from allauth's app API (/api/auth/app/v1/).",
        }


class CsrfSessionScheme(SessionScheme):
    """Our session authentication is DRF's, with a CSRF refusal of its own code."""

    target_class = "core.authentication.SessionAuthentication"


class PageMetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField()

    class Meta:
        ref_name = "PageMeta"


def paginated(serializer_class, name: str):
    """The schema of a ``MetaPagination`` page of ``serializer_class`` items."""
    return inline_serializer(
        name=f"{name}Page",
        fields={"meta": PageMetaSerializer(), "items": serializer_class(many=True)},
    )


PAGE_PARAMETERS = [
    OpenApiParameter(
        "limit",
        {"type": "integer", "minimum": 1, "maximum": 50},
        description="Items per page, 1 to 50 (default 20); anything else is a 400.",
    ),
    OpenApiParameter(
        "offset",
        {"type": "integer", "minimum": 0, "maximum": 2**31 - 1},
        description="Items to skip (default 0); a negative or non-numeric value is a 400.",
    ),
]


# Components whose alternatives share a shape: "any of" is the truthful claim.
ANY_OF_COMPONENTS = ("ContentPage",)


def any_of_for_overlapping_shapes(result, generator, request, public):
    schemas = result.get("components", {}).get("schemas", {})
    for name in ANY_OF_COMPONENTS:
        if name in schemas and "oneOf" in schemas[name]:
            schemas[name]["anyOf"] = schemas[name].pop("oneOf")
    return result


NO_CREDENTIALS = "No sign-in needed."
OPTIONAL_CREDENTIALS = (
    "Sign-in is optional: a signed-in caller (session token or cookie) also gets their own view."
)


def public_operations_need_no_credentials(result, generator, request, public):
    """``security: []`` where anyone may call, so that generated clients do not demand
    credentials (openapi-python-client treats ``[{}]`` as "authentication required");
    the description says whether credentials are still read."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security") if isinstance(operation, dict) else None
            if not security or {} not in security:
                continue
            note = NO_CREDENTIALS if security == [{}] else OPTIONAL_CREDENTIALS
            operation["security"] = []
            description = operation.get("description", "")
            operation["description"] = f"{description}\n\n{note}".strip()
    return result
