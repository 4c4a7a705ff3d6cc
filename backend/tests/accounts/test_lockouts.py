"""Failed logins slow down the address that failed, never the account's owner elsewhere;
behind trusted proxies the client's own address counts, and forging it gains nothing."""

import pytest
from django.test import Client, override_settings

from tests.factories import UserFactory

APP = "/api/auth/app/v1"
PASSWORD = "a-Long-pass-phrase-42"
BEHIND_ONE_PROXY = override_settings(TRUSTED_PROXY_COUNT=1, ALLAUTH_TRUSTED_PROXY_COUNT=1)


@pytest.fixture
def ada(django_user_model):
    return django_user_model.objects.create_user("ada", "ada@example.com", PASSWORD)


def _learner_login(password, **where):
    return Client().post(
        f"{APP}/auth/login",
        {"email": "ada@example.com", "password": password},
        content_type="application/json",
        **where,
    )


def _admin_login(password, **where):
    return Client().post("/admin/login/", {"username": "editor", "password": password}, **where)


@pytest.mark.django_db
def test_a_learner_locked_out_from_one_address_signs_in_from_another(ada):
    attacker = {"REMOTE_ADDR": "203.0.113.7"}
    for _ in range(5):
        assert _learner_login("wrong", **attacker).status_code == 400

    blocked = _learner_login(PASSWORD, **attacker)
    owner = _learner_login(PASSWORD, REMOTE_ADDR="198.51.100.20")

    assert blocked.json()["errors"][0]["code"] == "too_many_login_attempts"
    assert blocked["Retry-After"] == "300"
    assert owner.status_code == 200


@pytest.mark.django_db
def test_an_editor_locked_out_from_one_address_signs_in_from_another(settings):
    UserFactory(username="editor", is_staff=True, is_superuser=True, password=PASSWORD)
    for _ in range(settings.ADMIN_LOGIN_USER_LIMIT):
        _admin_login("wrong", REMOTE_ADDR="203.0.113.7")

    assert _admin_login(PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    assert _admin_login(PASSWORD, REMOTE_ADDR="198.51.100.20").status_code == 302


@pytest.mark.django_db
@BEHIND_ONE_PROXY
def test_behind_a_proxy_each_client_counts_for_itself_and_forging_gains_nothing(ada):
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(5):
        _learner_login("wrong", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)

    # The proxy appends the real address on the right; what the client wrote is ignored.
    forged = _learner_login(PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20, 203.0.113.7", **proxy)
    other_learner_behind_the_same_proxy = _learner_login(
        PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy
    )

    assert forged.status_code == 400
    assert forged.json()["errors"][0]["code"] == "too_many_login_attempts"
    assert other_learner_behind_the_same_proxy.status_code == 200


@pytest.mark.django_db
@BEHIND_ONE_PROXY
def test_admin_sign_in_counts_the_client_behind_the_proxy(settings):
    settings.ADMIN_LOGIN_ADDRESS_LIMIT = 3
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for number in range(3):
        Client().post(
            "/admin/login/",
            {"username": f"nobody{number}", "password": "wrong"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **proxy,
        )

    blocked = Client().post(
        "/admin/login/",
        {"username": "x", "password": "wrong"},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
        **proxy,
    )
    elsewhere = Client().post(
        "/admin/login/",
        {"username": "x", "password": "wrong"},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
        **proxy,
    )

    assert blocked.status_code == 429
    assert elsewhere.status_code == 200
