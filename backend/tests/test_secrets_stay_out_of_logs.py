"""Walk through sign-up, failed and successful sign-ins (learner and admin), token
use and a submission with every logger at DEBUG, then grep what was logged for
the secrets involved."""

import logging

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from core.logging import KeyValueFormatter
from learning.services import enrolment_create

SIGNUP = "/api/auth/app/v1/auth/signup"
LOGIN = "/api/auth/app/v1/auth/login"
PASSWORD = "learner-secret-pass-7781"
WRONG_PASSWORD = "wrong-secret-pass-2290"
ADMIN_PASSWORD = "admin-secret-pass-4417"


def _logged_text(caplog) -> str:
    formatter = KeyValueFormatter()
    return "\n".join(formatter.format(record) for record in caplog.records)


@pytest.mark.django_db
def test_passwords_tokens_and_keys_never_reach_the_logs(
    caplog, course, lessons, django_user_model, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django.request")
    client = APIClient()
    signup = client.post(SIGNUP, {"email": "ada@example.com", "password": PASSWORD}, format="json")
    token = signup.json()["meta"]["session_token"]
    client.post(LOGIN, {"email": "ada@example.com", "password": WRONG_PASSWORD}, format="json")
    client.credentials(HTTP_X_SESSION_TOKEN=token)
    enrolment_create(learner=django_user_model.objects.get(email="ada@example.com"), course=course)
    exercise = lessons[0].exercises.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/api/v1/submissions/", {"exercise": exercise.pk, "code": "x=1"}, format="json")
    APIClient(HTTP_X_SESSION_TOKEN=token + "tampered").get("/api/v1/me/")
    django_user_model.objects.create_superuser("editor", "editor@example.com", ADMIN_PASSWORD)
    client.post("/admin/login/", {"username": "editor", "password": WRONG_PASSWORD})
    client.post("/admin/login/", {"username": "editor", "password": ADMIN_PASSWORD})

    logged = _logged_text(caplog)

    assert caplog.records, "the walk-through should have logged something"
    for secret in (PASSWORD, WRONG_PASSWORD, ADMIN_PASSWORD, token, settings.SECRET_KEY):
        assert secret not in logged
