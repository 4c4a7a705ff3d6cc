import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.security import require_strong_secret_key

BACKEND_DIR = Path(__file__).resolve().parents[2]
STRONG_KEY = "q7#Vx9!mZ2@pL4$wR8^tY1&nB6*cF3(hJ5)kD0-sG+eA=uI;oP:lM<zX>vC,bN.y"
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "api.example.com",
    "CORS_ALLOWED_ORIGINS": "https://www.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://www.example.com",
    "FRONTEND_URL": "https://www.example.com",
    "BACKEND_URL": "https://api.example.com",
}


def _manage(*args, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and key != "DEBUG"
    }
    env.update(PRODUCTION_ENV)
    env.update(env_overrides)
    env = {key: value for key, value in env.items() if value is not None}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BACKEND_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "key",
    [
        "",
        "django-insecure-" + "x" * 60,
        "short-but-random-3#9!",
        "ab" * 40,
    ],
)
def test_weak_secret_keys_are_refused(key):
    with pytest.raises(ImproperlyConfigured):
        require_strong_secret_key(key)


def test_a_strong_secret_key_is_accepted():
    assert require_strong_secret_key(STRONG_KEY) == STRONG_KEY


@pytest.mark.parametrize(
    ("overrides", "complaint"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "django-insecure-" + "k" * 60}, "development key"),
        ({"DEBUG": "true"}, "DEBUG must be off"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS must be set"),
        ({"ALLOWED_HOSTS": "*"}, "must not contain '*'"),
        ({"CORS_ALLOWED_ORIGINS": "*"}, "CORS_ALLOWED_ORIGINS must not contain '*'"),
        ({"CORS_ALLOWED_ORIGINS": None}, "CORS_ALLOWED_ORIGINS must be set"),
    ],
)
def test_production_settings_refuse_to_start_insecurely(overrides, complaint):
    result = _manage("check", **overrides)

    assert result.returncode != 0
    assert complaint in result.stderr
    assert STRONG_KEY not in result.stderr


def test_check_deploy_is_clean_with_production_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


PROBE = """
import json
from django.conf import settings
from django.test import Client
response = Client().get("/healthz/", secure=True, HTTP_HOST="api.example.com")
print(json.dumps({
    "headers": {name: response.get(name) for name in (
        "Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy",
        "X-Frame-Options", "Cross-Origin-Opener-Policy")},
    "cookies": {
        "session": [settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY,
                    settings.SESSION_COOKIE_SAMESITE],
        "csrf": [settings.CSRF_COOKIE_SECURE, settings.CSRF_COOKIE_SAMESITE],
    },
    "insecure_redirect": Client().get("/api/v1/courses/", HTTP_HOST="api.example.com").status_code,
}))
"""


def test_production_sends_security_headers_and_secure_cookies():
    result = _manage("shell", "-c", PROBE, DATABASE_URL=None)

    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    headers = probe["headers"]
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "includeSubDomains" in headers["Strict-Transport-Security"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert probe["cookies"] == {"session": [True, True, "Lax"], "csrf": [True, "Lax"]}
    assert probe["insecure_redirect"] == 301
