"""The one place where settings read the process environment."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE_WORDS = {"1", "true", "yes", "on"}
_FALSE_WORDS = {"0", "false", "no", "off"}


def env_str(name: str, default: str = "") -> str:
    """The variable's value, or ``default`` when it is unset *or empty*: compose files and
    .env templates write ``NAME=`` for "not set", which must not override a default."""
    return os.environ.get(name, "").strip() or default


def env_bool(name: str, default: bool) -> bool:
    raw = env_str(name).lower()
    if not raw:
        return default
    if raw in _TRUE_WORDS:
        return True
    if raw in _FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = env_str(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {value}")
    return value


def env_float(name: str, default: float) -> float:
    raw = env_str(name)
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number, got {raw!r}") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated variable as a list; an unset variable gives ``default``."""
    raw = env_str(name)
    if not raw:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


# Concurrent requests (the admin's live preview, a reader, a grading job) must not
# fail with "database is locked": write-ahead logging lets readers and a writer
# overlap, and IMMEDIATE transactions queue writers instead of failing mid-way.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database_settings(*, sqlite_path: str) -> dict:
    """PostgreSQL (or any dj-database-url URL) from DATABASE_URL, else embedded SQLite."""
    url = env_str("DATABASE_URL")
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": sqlite_path,
            "OPTIONS": SQLITE_OPTIONS,
        }
    settings = dj_database_url.parse(
        url,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    if settings["ENGINE"] == "django.db.backends.sqlite3":
        settings["OPTIONS"] = {**SQLITE_OPTIONS, **settings.get("OPTIONS", {})}
    elif settings["ENGINE"] == "django.db.backends.postgresql" and env_bool(
        "DATABASE_PREPARED_STATEMENTS", False
    ):
        settings["OPTIONS"] = {**PREPARED_STATEMENT_OPTIONS, **settings.get("OPTIONS", {})}
    return settings


# Opt-in: PostgreSQL then plans a prepared statement once per connection, which
# made a post's detail about 10% faster, but its generic plans for path prefixes,
# offsets and search made the listing and search at 50,000 posts twice as slow
# (bench/scale.py). Poolers in transaction mode before PgBouncer 1.21 cannot
# track prepared statements at all.
PREPARED_STATEMENT_OPTIONS = {"server_side_binding": True, "prepare_threshold": 2}


def cache_settings(*, file_cache_dir: str) -> dict:
    """Redis from REDIS_URL, else files in ``file_cache_dir``.

    Without Redis the cache still has to be one for every process of the machine: the
    scheduler publishes pages and the grading worker runs beside the web server, and
    the content cache's generation (delivery.cache) must change for all of them.
    """
    url = env_str("REDIS_URL")
    prefix = env_str("CACHE_KEY_PREFIX", "codecampus")
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            # Django creates the directory readable by its owner only.
            "LOCATION": env_str("CACHE_DIR", file_cache_dir),
            "KEY_PREFIX": prefix,
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    return {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
