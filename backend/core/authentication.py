from allauth.headless.contrib.rest_framework.authentication import XSessionTokenAuthentication
from rest_framework import authentication
from rest_framework.exceptions import PermissionDenied


class SessionTokenAuthentication(XSessionTokenAuthentication):
    """allauth's app session token (``X-Session-Token``). Naming a scheme lets DRF answer
    unauthenticated requests with 401 and ``WWW-Authenticate`` instead of 403."""

    def authenticate_header(self, request) -> str:
        return 'X-Session-Token realm="api"'


class CsrfFailedError(PermissionDenied):
    """A cookie session's write without a valid CSRF token: its own code, so that clients
    can tell "send the token" apart from "not allowed"."""

    default_code = "csrf_failed"


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's session authentication, whose CSRF refusal says what it is."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except PermissionDenied as exc:
            raise CsrfFailedError(
                "CSRF check failed: send the csrftoken cookie's value as X-CSRFToken."
            ) from exc
