"""JSON bodies with a lone surrogate escape are refused before any view reads them.

JSON may spell a UTF-16 surrogate as ``\\udcff``; Python then holds a string that is
no text: encoding it (to hash a password, to store it, to send it) raises. A lone
one in a login password or an AI request was a 500. Paired surrogates (an emoji
written as two escapes) are text and pass.
"""

import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse

from core.errors import error_payload

_SURROGATE_ESCAPE = re.compile(rb"(\\+)u([dD][89a-fA-F][0-9a-fA-F]{2})")
_MESSAGE = "The request body is not text: it has a lone surrogate escape (\\ud800 to \\udfff)."


def has_lone_surrogate(body: bytes) -> bool:
    low_expected_at = None
    for match in _SURROGATE_ESCAPE.finditer(body):
        backslashes = match.group(1)
        if len(backslashes) % 2 == 0:
            continue  # an escaped backslash, then the letter u: plain text
        escape_at = match.start() + len(backslashes) - 1
        code = int(match.group(2), 16)
        if code <= 0xDBFF:  # high: a low one must follow at once
            if low_expected_at is not None:
                return True
            low_expected_at = match.end()
        elif escape_at == low_expected_at:
            low_expected_at = None
        else:
            return True
    return low_expected_at is not None


class RejectLoneSurrogatesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith("/api/")
            and request.method in {"POST", "PUT", "PATCH"}
            and "json" in request.content_type
            and _content_length(request) <= _max_scanned()
            and _lone_surrogate_in_body(request)
        ):
            return _refusal(request)
        return self.get_response(request)


def _lone_surrogate_in_body(request) -> bool:
    try:
        return has_lone_surrogate(request.body)
    except RequestDataTooBig:
        return False  # the view answers 413


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _max_scanned() -> int:
    # A larger body is left to the view, which answers 413 for it.
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0


def _refusal(request) -> JsonResponse:
    if request.path.startswith("/api/auth/"):
        # allauth's own endpoints answer in allauth's envelope.
        return JsonResponse(
            {"status": 400, "errors": [{"message": _MESSAGE, "code": "invalid"}]}, status=400
        )
    return JsonResponse(
        error_payload(status_code=400, code="invalid", message=_MESSAGE), status=400
    )
