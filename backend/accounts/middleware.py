"""A readable mark that a browser holds a signed-in session, kept in step by the server.

The session cookie is HttpOnly, so the frontend cannot see whether it has one, and
asking on every page would cost every visitor a request. It asks only when this
cookie is there. The server sets and clears the mark with the session it describes,
on every answer of the browser account API and the learning API, so a failed call,
cleared local storage or another tab cannot leave the frontend believing otherwise.
The mark is no credential: it says only "ask".
"""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils.cache import add_never_cache_headers

SIGNED_IN_COOKIE = "signed_in"
_BROWSER_SESSION_PATHS = ("/api/auth/browser/", "/api/v1/")


class SignedInMarkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(_BROWSER_SESSION_PATHS):
            _keep_mark_in_step(request, response)
        return response


def _keep_mark_in_step(request, response) -> None:
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    signed_in = bool(
        session is not None and session.get(SESSION_KEY) and user and user.is_authenticated
    )
    marked = SIGNED_IN_COOKIE in request.COOKIES
    if signed_in and not marked:
        response.set_cookie(
            SIGNED_IN_COOKIE,
            "1",
            max_age=settings.SESSION_COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=False,
            samesite="Lax",
        )
    elif marked and not signed_in:
        response.delete_cookie(SIGNED_IN_COOKIE, samesite="Lax")


_PERSONAL_PATHS = ("/api/v1/", "/api/auth/")


class PersonalAnswersAreNotCachedMiddleware:
    """Learning-API and account answers may be personal (a learner's progress, a session
    envelope): no shared cache or browser cache may keep them. /api/v2/ is public
    content and keeps its own caching headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(_PERSONAL_PATHS):
            add_never_cache_headers(response)
        return response


class LockoutRetryAfterMiddleware:
    """allauth refuses a locked-out login with a 400 and no hint of when to come back;
    this adds ``Retry-After`` so that clients can tell the user (and wait)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith("/api/auth/")
            and request.path.endswith("/auth/login")
            and response.status_code == 400
            and b'"too_many_login_attempts"' in response.content
        ):
            response["Retry-After"] = str(settings.LOGIN_LOCKOUT_RETRY_AFTER_SECONDS)
        return response
