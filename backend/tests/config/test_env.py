import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from config.env import (
    SQLITE_OPTIONS,
    cache_settings,
    database_settings,
    env_bool,
    env_int,
    env_list,
    env_str,
)


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("TRUE", True), ("off", False), ("", None)]
)
def test_env_bool_parses_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)

    assert env_bool("FLAG", None) is expected


def test_env_bool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")

    with pytest.raises(ImproperlyConfigured):
        env_bool("FLAG", False)


@pytest.mark.parametrize(("raw", "expected"), [("", 7), ("0", 0), ("12", 12)])
def test_env_int_reads_integers_at_or_above_the_minimum(monkeypatch, raw, expected):
    monkeypatch.setenv("COUNT", raw)

    assert env_int("COUNT", 7, minimum=0) == expected


@pytest.mark.parametrize("raw", ["-1", "ten"])
def test_env_int_refuses_nonsense_and_values_below_the_minimum(monkeypatch, raw):
    monkeypatch.setenv("COUNT", raw)

    with pytest.raises(ImproperlyConfigured):
        env_int("COUNT", 7, minimum=0)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example , ,b.example")

    assert env_list("HOSTS") == ["a.example", "b.example"]


def test_database_defaults_to_embedded_sqlite(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)

    assert database_settings(sqlite_path="/tmp/x.sqlite3") == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/x.sqlite3",
        "OPTIONS": SQLITE_OPTIONS,
    }


def test_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://app:pw@db.internal:5432/campus")

    settings = database_settings(sqlite_path="unused")

    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert (settings["HOST"], settings["NAME"], settings["USER"]) == (
        "db.internal",
        "campus",
        "app",
    )
    assert settings["CONN_HEALTH_CHECKS"] is True


def test_postgresql_prepares_statements_only_when_turned_on(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://app:pw@db.internal:5432/campus")
    monkeypatch.delenv("DATABASE_PREPARED_STATEMENTS", raising=False)
    unprepared = database_settings(sqlite_path="unused").get("OPTIONS", {})
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "true")
    prepared = database_settings(sqlite_path="unused")["OPTIONS"]

    assert prepared["server_side_binding"] is True
    assert prepared["prepare_threshold"] >= 1
    assert "server_side_binding" not in unprepared
    assert "prepare_threshold" not in unprepared


def _cache_from(settings: dict):
    backend = import_string(settings["BACKEND"])
    return backend(settings["LOCATION"], {key: settings[key] for key in ("KEY_PREFIX", "OPTIONS")})


def test_without_redis_every_process_of_the_machine_shares_one_cache(monkeypatch, tmp_path):
    # The scheduler publishes in its own process; the web server must see the change.
    monkeypatch.delenv("REDIS_URL", raising=False)
    settings = cache_settings(file_cache_dir=str(tmp_path / "cache"))
    other_process = (
        "import json, sys; from django.conf import settings;"
        " from django.utils.module_loading import import_string;"
        " s = json.loads(sys.argv[1]); settings.configure();"
        " cache = import_string(s['BACKEND'])(s['LOCATION'], {'KEY_PREFIX': s['KEY_PREFIX']});"
        " cache.set('generation', 'published-elsewhere', None)"
    )

    subprocess.run([sys.executable, "-c", other_process, json.dumps(settings)], check=True)

    assert _cache_from(settings).get("generation") == "published-elsewhere"
    assert stat.S_IMODE(os.stat(settings["LOCATION"]).st_mode) == 0o700


def test_cache_dir_moves_the_shared_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("CACHE_DIR", str(tmp_path / "elsewhere"))

    assert cache_settings(file_cache_dir="/unused")["LOCATION"] == str(tmp_path / "elsewhere")


def test_redis_url_selects_redis(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")

    settings = cache_settings(file_cache_dir="/unused")

    assert settings["BACKEND"] == "core.cache.ResilientRedisCache"
    assert settings["LOCATION"] == "redis://127.0.0.1:6379/3"


def test_a_sqlite_database_url_gets_the_concurrency_options(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/e2e.sqlite3")

    assert database_settings(sqlite_path="unused")["OPTIONS"] == SQLITE_OPTIONS


def test_an_empty_variable_is_unset_and_keeps_the_default(monkeypatch):
    # docker-compose.yml passes AI_MODEL: ${AI_MODEL:-} and .env.example has AI_MODEL=.
    monkeypatch.setenv("AI_MODEL", "")
    monkeypatch.setenv("CACHE_KEY_PREFIX", "  ")

    assert env_str("AI_MODEL", "gpt-4o-mini") == "gpt-4o-mini"
    assert env_str("CACHE_KEY_PREFIX", "codecampus") == "codecampus"


def test_the_compose_environment_keeps_the_default_ai_model():
    """Every ${VAR:-} in docker-compose.yml, as compose passes it when .env leaves it empty."""
    compose = (Path(__file__).resolve().parents[3] / "docker-compose.yml").read_text()
    empty = dict.fromkeys(re.findall(r"\$\{([A-Z_]+):-\}", compose), "")
    settings_source = "import config.settings.base as s; print(s.AI_MODEL)"
    shown = subprocess.run(
        [sys.executable, "-c", settings_source],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, **empty},
        capture_output=True,
        text=True,
        check=True,
    )

    assert "AI_MODEL" in empty
    assert shown.stdout.strip().splitlines()[-1] == "gpt-4o-mini"
