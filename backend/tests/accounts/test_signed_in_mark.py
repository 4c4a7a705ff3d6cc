"""The readable ``signed_in`` mark follows the browser session, whatever the frontend did."""

import pytest
from django.test import Client

from accounts.middleware import SIGNED_IN_COOKIE

BROWSER = "/api/auth/browser/v1"
PASSWORD = "a-Long-pass-phrase-42"


@pytest.fixture
def ada(django_user_model):
    return django_user_model.objects.create_user("ada", "ada@example.com", PASSWORD)


def _login(client, password=PASSWORD):
    return client.post(
        f"{BROWSER}/auth/login",
        {"email": "ada@example.com", "password": password},
        content_type="application/json",
    )


def _marked(client) -> bool:
    cookie = client.cookies.get(SIGNED_IN_COOKIE)
    return bool(cookie and cookie.value)


@pytest.mark.django_db
def test_a_visitor_gets_no_mark():
    client = Client()

    client.get(f"{BROWSER}/auth/session")

    assert not _marked(client)


@pytest.mark.django_db
def test_logging_in_sets_the_mark_and_it_is_readable_by_scripts(ada):
    client = Client()

    response = _login(client)

    assert response.status_code == 200
    assert _marked(client)
    assert not response.cookies[SIGNED_IN_COOKIE]["httponly"]


@pytest.mark.django_db
def test_a_failed_login_while_signed_in_keeps_the_session_and_the_mark(ada):
    client = Client()
    _login(client)

    mistyped = _login(client, password="wrong")
    again = _login(client)
    session = client.get(f"{BROWSER}/auth/session")

    assert mistyped.status_code == 400
    assert again.status_code == 409  # allauth: already signed in
    assert session.status_code == 200
    assert _marked(client)


@pytest.mark.django_db
def test_a_lost_mark_comes_back_with_the_next_answer(ada):
    client = Client()
    _login(client)
    client.cookies.pop(SIGNED_IN_COOKIE)

    client.get(f"{BROWSER}/auth/session")

    assert _marked(client)


@pytest.mark.django_db
def test_logging_out_or_losing_the_session_clears_the_mark(ada):
    client = Client()
    _login(client)

    client.delete(f"{BROWSER}/auth/session")

    assert not _marked(client)
    _login(client)
    client.cookies.pop("sessionid")
    client.get("/api/v1/enrolments/")
    assert not _marked(client)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/api/v1/dashboard/", "/api/v1/courses/", f"{BROWSER}/auth/session", "/api/v1/nope/"]
)
def test_personal_answers_are_never_cached(ada, path):
    client = Client()
    _login(client)

    cache_control = client.get(path)["Cache-Control"]

    assert "private" in cache_control
    assert "no-store" in cache_control


@pytest.mark.django_db
def test_public_content_stays_cacheable(home):
    assert "public" in Client().get("/api/v2/pages/")["Cache-Control"]
