"""Schemathesis fuzzes every operation of openapi/schema.json against a live server.

It calls as an anonymous reader, a learner and a staff member, with valid and with
invalid data (negative generation), and fails on any 5xx, any response the document
does not describe, and any 4xx outside the one error format. Each caller runs once
per seed in OPENAPI_FUZZ_SEEDS (two fixed seeds in ``make test``; ``make fuzz`` runs
many more examples with a fresh seed it prints, to replay a failure with), and the
number of examples per operation is OPENAPI_FUZZ_EXAMPLES.
"""

import os
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from learning.services import enrolment_create
from tests.factories import UserFactory

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "openapi" / "schema.json"
EXAMPLES = int(os.environ.get("OPENAPI_FUZZ_EXAMPLES", "10"))
SEEDS = [int(seed) for seed in os.environ.get("OPENAPI_FUZZ_SEEDS", "20261206,7").split(",")]
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


def _schema(seed: int):
    schema = schemathesis.openapi.from_path(SCHEMA_FILE)
    schema.config.seed = seed
    schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
    return schema


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
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _call_and_validate(case, base_url, headers):
    case.call_and_validate(
        base_url=base_url, headers=headers, checks=CHECKS, allow_redirects=False, timeout=30
    )


def _fuzz_tests(seed: int):
    schema = _schema(seed)

    @pytest.mark.django_db(transaction=True)
    @schema.parametrize()
    @FUZZ_SETTINGS
    def anonymous(case, live_server, course, lessons):
        _call_and_validate(case, live_server.url, {})

    @pytest.mark.django_db(transaction=True)
    @schema.parametrize()
    @FUZZ_SETTINGS
    def learner(case, live_server, learner_headers):
        _call_and_validate(case, live_server.url, learner_headers)

    @pytest.mark.django_db(transaction=True)
    @schema.parametrize()
    @FUZZ_SETTINGS
    def staff(case, live_server, staff_headers):
        _call_and_validate(case, live_server.url, staff_headers)

    return anonymous, learner, staff


for _seed in SEEDS:
    (
        globals()[f"test_every_operation_conforms_for_an_anonymous_reader_seed_{_seed}"],
        globals()[f"test_every_operation_conforms_for_a_learner_seed_{_seed}"],
        globals()[f"test_every_operation_conforms_for_staff_seed_{_seed}"],
    ) = _fuzz_tests(_seed)
