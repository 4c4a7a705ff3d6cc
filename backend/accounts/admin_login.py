"""The Wagtail admin's login, with failed attempts limited per client address, and per
username from that address.

Each attempt reserves a slot in two counters (the client address and the
username) before the password is checked, and a successful login gives its
slots back, so concurrent guesses cannot slip past the limit and editors who
sign in often are never locked out. Counters live in the cache (Redis in
production); if it cannot count, sign-in is refused rather than left unlimited.
"""

import contextlib
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from redis.exceptions import RedisError
from wagtail.admin.views.account import LoginView

from core.client import client_address

logger = logging.getLogger(__name__)

TOO_MANY = "Too many failed sign-in attempts. Try again in {minutes} minutes."
UNAVAILABLE = "Sign-in is unavailable for a moment. Try again shortly."


def _counter_keys(request) -> list[tuple[str, int]]:
    """The address's counter, and the username's *from this address*: failures slow the
    address that failed, never the editor signing in from elsewhere."""
    address = client_address(request)
    username = request.POST.get("username", "").strip().lower()
    digest = hashlib.sha256(f"{username}\n{address}".encode()).hexdigest()[:32]
    return [
        (f"admin-login:address:{address}", settings.ADMIN_LOGIN_ADDRESS_LIMIT),
        (f"admin-login:user:{digest}", settings.ADMIN_LOGIN_USER_LIMIT),
    ]


def _reserve(key: str) -> int:
    window = settings.ADMIN_LOGIN_WINDOW_SECONDS
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.add(key, 0, window)
        return cache.incr(key)


def _release(key: str) -> None:
    with contextlib.suppress(ValueError):  # the window has already ended
        cache.decr(key)


class RateLimitedAdminLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        self.reserved = []
        try:
            for key, limit in _counter_keys(request):
                self.reserved.append(key)
                if _reserve(key) > limit:
                    logger.warning("admin_login.rate_limited", extra={"counter": key.split(":")[1]})
                    return self._refuse(TOO_MANY, status=429)
        except (RedisError, OSError):
            logger.error("admin_login.counter_unavailable")
            return self._refuse(UNAVAILABLE, status=503)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        for key in self.reserved:
            _release(key)
        return super().form_valid(form)

    def _refuse(self, message: str, *, status: int):
        text = message.format(minutes=settings.ADMIN_LOGIN_WINDOW_SECONDS // 60)
        form = _refused_form(self.get_form_class(), text)(
            request=self.request, data=self.request.POST
        )
        form.is_valid()
        response = self.render_to_response(self.get_context_data(form=form), status=status)
        response["Retry-After"] = str(settings.ADMIN_LOGIN_WINDOW_SECONDS)
        return response


def _refused_form(form_class, message: str):
    """The login form, showing ``message`` without ever checking the password."""

    class RefusedLoginForm(form_class):
        def clean(self):
            raise ValidationError(message)

    return RefusedLoginForm
