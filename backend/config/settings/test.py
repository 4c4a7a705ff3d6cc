"""Fast, deterministic settings for the test suite."""

import os

# Set before base.py reads them, so that every setting derived from them agrees.
os.environ["FRONTEND_URL"] = "http://frontend.test"
os.environ["BACKEND_URL"] = "http://backend.test"

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-refused-by-production-settings-0123456789abcdef"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["testserver", "localhost", "backend.test"]
MEDIA_ROOT = str(BASE_DIR / ".test-media")  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
if not os.environ.get("REDIS_URL"):
    # One process, cleared around every test: memory is enough, and leaves no files.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests never reach a real AI provider: the offline engine, or the loopback
# server that tests/ai start themselves.
OPENAI_API_KEY = ""
AI_BASE_URL = ""
WAGTAIL_AI = {"PROVIDERS": {}}
