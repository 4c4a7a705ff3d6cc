"""The one JSON error format, for DRF views, Wagtail's API and Django's own handlers.

Every error body is ``{"status": int, "code": str, "message": str}``, plus
``"fields": {name: [messages]}`` when input failed validation. Messages are
written for clients; exception text never reaches a response.
"""

import logging
import sys

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from wagtail.api.v2.utils import BadRequestError

from core import exceptions as domain

logger = logging.getLogger(__name__)

# A lost or refused database connection: worth retrying, not a bug.
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5

_DEFAULT_MESSAGES = {
    400: "The request is invalid.",
    401: "Authentication credentials were not provided or are invalid.",
    403: "You do not have permission to perform this action.",
    404: "Not found.",
    405: "Method not allowed.",
    413: "The request body is too large.",
    415: "Unsupported media type.",
    429: "Too many requests.",
    500: "An unexpected error occurred.",
    503: "The service is temporarily unavailable.",
}


def error_payload(*, status_code: int, code: str, message: str = "", fields=None) -> dict:
    payload = {
        "status": status_code,
        "code": code,
        "message": message or _DEFAULT_MESSAGES.get(status_code, "Error."),
    }
    if fields:
        payload["fields"] = fields
    return payload


def error_response(*, status_code: int, code: str, message: str = "", fields=None) -> JsonResponse:
    payload = error_payload(status_code=status_code, code=code, message=message, fields=fields)
    return JsonResponse(payload, status=status_code)


def _field_messages(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {str(name): _flatten(value) for name, value in detail.items()}
    return {"non_field_errors": _flatten(detail)}


def _flatten(detail) -> list[str]:
    if isinstance(detail, list):
        return [message for item in detail for message in _flatten(item)]
    if isinstance(detail, dict):
        return [
            f"{name}: {message}" for name, value in detail.items() for message in _flatten(value)
        ]
    return [str(detail)]


_DOMAIN_STATUS = (
    (domain.NotFoundError, status.HTTP_404_NOT_FOUND),
    (domain.ConflictError, status.HTTP_409_CONFLICT),
    (domain.NotAllowedError, status.HTTP_403_FORBIDDEN),
    (domain.RateLimitedError, status.HTTP_429_TOO_MANY_REQUESTS),
    (domain.UnavailableError, status.HTTP_503_SERVICE_UNAVAILABLE),
    (domain.UpstreamTimeoutError, status.HTTP_504_GATEWAY_TIMEOUT),
)


def _from_domain(exc: domain.DomainError) -> exceptions.APIException:
    if isinstance(exc, domain.InvalidInputError):
        return exceptions.ValidationError(exc.fields)
    status_code = next(
        (code for kind, code in _DOMAIN_STATUS if isinstance(exc, kind)),
        status.HTTP_400_BAD_REQUEST,
    )
    api_exc = exceptions.APIException(exc.message or _DEFAULT_MESSAGES.get(status_code))
    api_exc.status_code = status_code
    api_exc.default_code = exc.code
    if exc.retry_after is not None:
        api_exc.wait = exc.retry_after  # DRF sends it as Retry-After
    return api_exc


def _translate(exc):
    """Map exceptions DRF does not know to the DRF exception that describes them."""
    if isinstance(exc, domain.DomainError):
        return _from_domain(exc)
    if isinstance(exc, BadRequestError):
        # Wagtail's API raises these with messages written for clients.
        return BadRequest(str(exc))
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, DATABASE_DOWN):
        logger.error("database.unavailable")
        return ServiceUnavailable()
    return exc


class BadRequest(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = _DEFAULT_MESSAGES[400]
    default_code = "bad_request"


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _DEFAULT_MESSAGES[503]
    default_code = "service_unavailable"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _DEFAULT_MESSAGES[413]
    default_code = "payload_too_large"


def api_exception_handler(exc, context) -> Response | None:
    exc = _translate(exc)
    if isinstance(exc, exceptions.ParseError):
        exc = exceptions.ParseError("The request body is not valid JSON.")
    response = drf_exception_handler(exc, context)
    if isinstance(exc, ServiceUnavailable):
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    if response is None:
        view = context.get("view")
        logger.error(
            "api.unhandled_exception",
            extra={"exc_type": type(exc).__name__, "view": type(view).__name__},
        )
        return None

    if isinstance(exc, exceptions.ValidationError):
        response.data = error_payload(
            status_code=response.status_code,
            code="invalid",
            message="The request is invalid.",
            fields=_field_messages(exc.detail),
        )
    else:
        code = _code_of(exc)
        # Django's Http404 can name models or lookups; DRF exceptions carry our own messages.
        message = "" if isinstance(exc, Http404) else str(exc.detail)
        response.data = error_payload(status_code=response.status_code, code=code, message=message)
    return response


def _code_of(exc) -> str:
    if isinstance(exc, (Http404, exceptions.NotFound)):
        return "not_found"
    if isinstance(exc, exceptions.PermissionDenied) and exc.default_code != "permission_denied":
        return exc.default_code
    if isinstance(exc, (PermissionDenied, exceptions.PermissionDenied)):
        return "permission_denied"
    if isinstance(exc, exceptions.APIException):
        return exc.default_code
    return "error"


def bad_request(request, exception=None):
    return error_response(status_code=400, code="bad_request")


def permission_denied(request, exception=None):
    return error_response(status_code=403, code="permission_denied")


def page_not_found(request, exception=None):
    return error_response(status_code=404, code="not_found")


def api_not_found(request, *args, **kwargs):
    return error_response(status_code=404, code="not_found")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: our JSON 403 under /api/, Django's page elsewhere (the admin)."""
    if request.path.startswith("/api/"):
        return error_response(
            status_code=403,
            code="csrf_failed",
            message="CSRF check failed: send the csrftoken cookie's value as X-CSRFToken.",
        )
    from django.views.csrf import csrf_failure as django_csrf_failure

    return django_csrf_failure(request, reason=reason)


def server_error(request):
    # Django calls this while handling the exception, so it is still at hand.
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return _service_unavailable_response()
    return error_response(status_code=500, code="server_error")


def _service_unavailable_response() -> JsonResponse:
    logger.error("database.unavailable")
    response = error_response(status_code=503, code=ServiceUnavailable.default_code)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
