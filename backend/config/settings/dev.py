"""Local development: the embedded defaults (SQLite, local-memory cache) unless
DATABASE_URL or REDIS_URL say otherwise."""

from config.env import env_bool, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
# A fixed key is acceptable here only because production.py refuses it.
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-development-only-key-never-use-in-production")
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
