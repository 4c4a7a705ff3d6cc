"""Schemathesis fuzzes every operation of openapi/schema.json against a live server.

It signs in as a learner and as a staff member, and fails on any 5xx, any
response the document does not describe, and any 4xx outside the one error format.
The number of examples per operation is bounded (OPENAPI_FUZZ_EXAMPLES) to keep CI short.
"""

import os
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from learning.services import enrolment_create
from tests.factories import UserFactory

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "openapi" / "schema.json"
EXAMPLES = int(os.environ.get("OPENAPI_FUZZ_EXAMPLES", "15"))
PASSWORD = "correct-horse-battery-staple"


def error_format(ctx, response, case):
    """Every 4xx of ours is ``{"status", "code", "message"[, "fields"]}``."""
    if not 400 <= response.status_code < 500:
        return
    body = response.json()
    assert set(body) in ({"status", "code", "message"}, {"status", "code", "message", "fields"}), (
        f"{response.status_code} is not in the error format: {body}"
    )
    assert body["status"] == response.status_code


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    error_format,
]


schema = schemathesis.openapi.from_path(SCHEMA_FILE)


def _session_token(base_url: str, user) -> str:
    response = requests.post(
        f"{base_url}/api/auth/app/v1/auth/login",
        json={"email": user.email, "password": PASSWORD},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return response.json()["meta"]["session_token"]


def _signed_in_headers(base_url, course, **user_fields) -> dict[str, str]:
    user = UserFactory(**user_fields)
    enrolment_create(learner=user, course=course)
    return {"X-Session-Token": _session_token(base_url, user)}


@pytest.fixture
def learner_headers(live_server, course, lessons):
    return _signed_in_headers(live_server.url, course)


@pytest.fixture
def staff_headers(live_server, course, lessons):
    return _signed_in_headers(live_server.url, course, is_staff=True)


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def _call_and_validate(case, base_url, headers):
    case.call_and_validate(
        base_url=base_url, headers=headers, checks=CHECKS, allow_redirects=False, timeout=30
    )


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@FUZZ_SETTINGS
def test_every_operation_conforms_for_a_learner(case, live_server, learner_headers):
    _call_and_validate(case, live_server.url, learner_headers)


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@FUZZ_SETTINGS
def test_every_operation_conforms_for_staff(case, live_server, staff_headers):
    _call_and_validate(case, live_server.url, staff_headers)
