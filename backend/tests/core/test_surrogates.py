import pytest
from rest_framework.test import APIClient

from core.surrogates import has_lone_surrogate


@pytest.mark.parametrize(
    ("body", "lone"),
    [
        (rb'{"password": "\udcff"}', True),
        (rb'{"password": "\ud83d"}', True),
        (rb'{"password": "\ud83d\ude00"}', False),  # an emoji as two escapes
        (rb'{"password": "\ud83d\ud83d\ude00"}', True),
        (rb'{"password": "\\udcff"}', False),  # the text backslash-u-d-c-f-f
        (rb'{"password": "\\\udcff"}', True),
        (rb'{"a": "\ude00\ud83d"}', True),
        (b'{"password": "pl\xc3\xa4in"}', False),
    ],
)
def test_lone_surrogate_escapes_are_found(body, lone):
    assert has_lone_surrogate(body) is lone


@pytest.mark.django_db
def test_a_lone_surrogate_in_a_login_password_is_a_400_in_allauths_envelope():
    response = APIClient().post(
        "/api/auth/app/v1/auth/login",
        data='{"email": "a@example.com", "password": "pass\\udcffword"}',
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "invalid"


@pytest.mark.django_db
def test_a_lone_surrogate_in_an_ai_request_is_a_400(learner_client):
    response = learner_client.post(
        "/api/v1/ai/generate/",
        data='{"feature": "hint\\ud800", "context": {}}',
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
