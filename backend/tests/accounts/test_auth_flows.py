"""Learner accounts through django-allauth's headless API, as our clients use it."""

import re
from urllib.parse import unquote

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from rest_framework.test import APIClient

APP = "/api/auth/app/v1"
BROWSER = "/api/auth/browser/v1"
PASSWORD = "a-Long-pass-phrase-42"


def _signup(client, email="new@example.com", password=PASSWORD):
    return client.post(f"{APP}/auth/signup", {"email": email, "password": password}, format="json")


def _token_client(token):
    client = APIClient()
    client.credentials(HTTP_X_SESSION_TOKEN=token)
    return client


@pytest.mark.django_db
def test_app_signup_returns_a_session_token_that_the_learning_api_accepts():
    response = _signup(APIClient())

    assert response.status_code == 200
    token = response.json()["meta"]["session_token"]
    me = _token_client(token).get("/api/v1/me/")
    assert me.status_code == 200
    assert me.json()["email"] == "new@example.com"


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["password", "12345678", "Ab1!"])
def test_weak_passwords_are_refused(password):
    response = _signup(APIClient(), password=password)

    assert response.status_code == 400


@pytest.mark.django_db
def test_login_and_logout_with_an_app_token(django_user_model):
    django_user_model.objects.create_user("ada", "ada@example.com", PASSWORD)
    client = APIClient()

    login = client.post(
        f"{APP}/auth/login", {"email": "ada@example.com", "password": PASSWORD}, format="json"
    )
    token = login.json()["meta"]["session_token"]
    logout = _token_client(token).delete(f"{APP}/auth/session")

    assert login.status_code == 200
    assert logout.status_code == 401  # allauth: "not authenticated any more"
    assert _token_client(token).get("/api/v1/me/").status_code == 401


@pytest.mark.django_db
def test_after_five_failed_logins_even_the_right_password_is_refused(django_user_model):
    django_user_model.objects.create_user("ada", "ada@example.com", PASSWORD)
    client = APIClient()

    def login(password):
        return client.post(
            f"{APP}/auth/login", {"email": "ada@example.com", "password": password}, format="json"
        )

    failures = [login("wrong").status_code for _ in range(5)]
    blocked = login(PASSWORD)

    assert failures == [400] * 5
    assert blocked.status_code == 400
    assert blocked.json()["errors"][0]["code"] == "too_many_login_attempts"


@pytest.mark.django_db
def test_email_verification_by_key():
    _signup(APIClient())
    key = unquote(re.search(r"verify-email/(\S+)", mail.outbox[-1].body).group(1))

    response = APIClient().post(f"{APP}/auth/email/verify", {"key": key}, format="json")

    # 401 here means "verified; now log in", as this app client holds no session yet.
    assert response.status_code in {200, 401}
    assert EmailAddress.objects.get(email="new@example.com").verified
    assert "http://frontend.test/account/verify-email/" in mail.outbox[-1].body


@pytest.mark.django_db
def test_password_reset_by_key(django_user_model):
    django_user_model.objects.create_user("ada", "ada@example.com", "old-Pass-phrase-99")
    client = APIClient()
    client.post(f"{APP}/auth/password/request", {"email": "ada@example.com"}, format="json")
    key = unquote(re.search(r"password/reset/(\S+)", mail.outbox[-1].body).group(1))

    reset = client.post(
        f"{APP}/auth/password/reset", {"key": key, "password": PASSWORD}, format="json"
    )
    login = client.post(
        f"{APP}/auth/login", {"email": "ada@example.com", "password": PASSWORD}, format="json"
    )

    assert reset.status_code in {200, 401}
    assert login.status_code == 200


@pytest.mark.django_db
def test_change_password_needs_the_current_one():
    token = _signup(APIClient()).json()["meta"]["session_token"]
    client = _token_client(token)

    wrong = client.post(
        f"{APP}/account/password/change",
        {"current_password": "nope", "new_password": "another-Pass-phrase-7"},
        format="json",
    )
    right = client.post(
        f"{APP}/account/password/change",
        {"current_password": PASSWORD, "new_password": "another-Pass-phrase-7"},
        format="json",
    )

    assert wrong.status_code == 400
    assert right.status_code == 200


@pytest.mark.django_db
def test_browser_sessions_need_a_csrf_token_for_writes(course):
    client = Client(enforce_csrf_checks=True)
    client.get(f"{BROWSER}/auth/session")
    csrf = client.cookies["csrftoken"].value

    signup = client.post(
        f"{BROWSER}/auth/signup",
        {"email": "browser@example.com", "password": PASSWORD},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=csrf,
    )
    csrf = client.cookies["csrftoken"].value
    without_token = client.put(f"/api/v1/courses/{course.pk}/enrolment/")
    with_token = client.put(f"/api/v1/courses/{course.pk}/enrolment/", HTTP_X_CSRFTOKEN=csrf)

    assert signup.status_code == 200
    assert client.cookies["sessionid"]["httponly"]
    assert without_token.status_code == 403
    assert with_token.status_code == 201
