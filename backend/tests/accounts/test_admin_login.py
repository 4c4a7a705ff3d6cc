from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client, override_settings

from tests.factories import UserFactory

LOGIN = "/admin/login/"
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", is_staff=True, is_superuser=True)


def _attempt(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_username_is_refused_after_too_many_failures_even_with_the_right_password(
    client, editor, settings
):
    for _ in range(settings.ADMIN_LOGIN_USER_LIMIT):
        assert _attempt(client, "editor", "wrong").status_code == 200

    refused = _attempt(client, "editor", PASSWORD)

    assert refused.status_code == 429
    assert refused["Retry-After"] == str(settings.ADMIN_LOGIN_WINDOW_SECONDS)
    assert b"Too many failed sign-in attempts" in refused.content
    assert "_auth_user_id" not in client.session


def test_successful_sign_ins_do_not_count_against_the_limit(client, editor, settings):
    for _ in range(settings.ADMIN_LOGIN_USER_LIMIT * 2):
        response = _attempt(client, "editor", PASSWORD)
        assert response.status_code == 302
        client.logout()


def test_an_address_is_refused_after_too_many_failures_across_usernames(client, db, settings):
    settings.ADMIN_LOGIN_ADDRESS_LIMIT = 3
    for number in range(3):
        assert _attempt(client, f"nobody{number}", "wrong").status_code == 200

    assert _attempt(client, "someone-else", "wrong").status_code == 429
    assert _attempt(client, "someone-else", "wrong", address="10.0.0.2").status_code == 200


def test_usernames_are_counted_case_insensitively(client, editor, settings):
    settings.ADMIN_LOGIN_USER_LIMIT = 2
    _attempt(client, "Editor", "wrong")
    _attempt(client, "EDITOR", "wrong")

    assert _attempt(client, "editor", PASSWORD).status_code == 429


@pytest.mark.django_db(transaction=True)
def test_concurrent_guesses_cannot_exceed_the_limit(settings):
    UserFactory(username="editor", is_staff=True)
    settings.ADMIN_LOGIN_USER_LIMIT = 5
    # The admin has been visited once before (its settings rows exist), as after any deploy.
    Client().get("/admin/login/")

    def guess(number):
        try:
            return _attempt(Client(), "editor", f"wrong-{number}", address="10.1.0.1")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = [response.status_code for response in pool.map(guess, range(20))]

    assert statuses.count(200) == 5
    assert statuses.count(429) == 15


def test_sign_in_is_refused_when_attempts_cannot_be_counted(client, editor):
    unreachable = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    with override_settings(CACHES=unreachable):
        response = _attempt(client, "editor", PASSWORD)

    assert response.status_code == 503
    assert "_auth_user_id" not in client.session
