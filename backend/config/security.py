"""Checks that production configuration is safe before Django starts."""

from django.core.exceptions import ImproperlyConfigured

MIN_SECRET_KEY_LENGTH = 50
MIN_SECRET_KEY_UNIQUE_CHARACTERS = 5
_INSECURE_PREFIX = "django-insecure"


def require_strong_secret_key(value: str) -> str:
    """Return ``value`` if it is a secret key fit for production, else refuse to start.

    The thresholds are those of Django's own ``security.W009`` deploy check, so a key
    accepted here also passes ``manage.py check --deploy``.
    """
    if not value:
        raise ImproperlyConfigured("SECRET_KEY must be set in production.")
    if value.startswith(_INSECURE_PREFIX):
        raise ImproperlyConfigured("SECRET_KEY is a development key; generate a new one.")
    if len(value) < MIN_SECRET_KEY_LENGTH:
        raise ImproperlyConfigured(
            f"SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters long."
        )
    if len(set(value)) < MIN_SECRET_KEY_UNIQUE_CHARACTERS:
        raise ImproperlyConfigured("SECRET_KEY is too repetitive to be secret.")
    return value


def require_non_empty(name: str, values: list[str]) -> list[str]:
    if not values:
        raise ImproperlyConfigured(f"{name} must be set in production.")
    if "*" in values:
        raise ImproperlyConfigured(f"{name} must not contain '*' in production.")
    return values
