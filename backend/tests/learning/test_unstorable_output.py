"""Whatever learner code prints is stored and listed: no answer is ever a 500."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from rest_framework.test import APIClient

from learning.models import Submission
from learning.services import enrolment_create
from tests.factories import make_test_case
from tests.support.sandbox import requires_bubblewrap

V1 = "/api/v1"

PRINTS = {
    "a lone surrogate": "print('\\udcff')",
    "a NUL": "print('before\\x00after')",
    "raw invalid bytes": "import os\nos.write(1, b'\\xff\\xfe\\n')\nprint('\\ud800 ok')",
}


@pytest.fixture
def printing_exercise(learner, course, lessons):
    enrolment_create(learner=learner, course=course)
    exercise = lessons[0].exercises.get()
    exercise.test_cases = [make_test_case("prints", "print(answer())\nassert answer() == 42")]
    exercise.save()
    return exercise


@requires_bubblewrap
@pytest.mark.django_db
@pytest.mark.parametrize("printed", PRINTS.values(), ids=PRINTS.keys())
def test_a_submission_printing_it_is_graded_and_listed(
    printed, learner_client, staff, printing_exercise, django_capture_on_commit_callbacks
):
    staff_client = APIClient()
    staff_client.force_authenticate(staff)
    last_line = printed.splitlines()[-1]
    code = f"{printed}\ndef answer():\n    {last_line}\n    raise ValueError('\\udcff\\x00')\n"

    with django_capture_on_commit_callbacks(execute=True):
        created = learner_client.post(
            f"{V1}/submissions/", {"exercise": printing_exercise.pk, "code": code}, format="json"
        )

    assert created.status_code == 202, created.content
    submission_id = created.json()["id"]
    detail = learner_client.get(f"{V1}/submissions/{submission_id}/")
    assert detail.status_code == 200
    assert detail.json()["status"] == "failed"
    test = detail.json()["results"][0]
    assert "\x00" not in test["message"] + test["output"]
    assert learner_client.get(f"{V1}/submissions/").status_code == 200
    assert learner_client.get(f"{V1}/dashboard/").status_code == 200
    assert staff_client.get(f"{V1}/submissions/").status_code == 200


@pytest.mark.django_db
def test_code_with_a_lone_surrogate_is_refused_with_a_400(learner_client, printing_exercise):
    response = learner_client.post(
        f"{V1}/submissions/",
        data=f'{{"exercise": {printing_exercise.pk}, "code": "print(1) # \\udcff"}}',
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "surrogate" in response.json()["message"]
    assert not Submission.objects.exists()


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL refuses such text, so no row holds it"
)
@pytest.mark.django_db
def test_the_repair_migration_cleans_rows_stored_before(learner, lessons):
    submission = Submission.objects.create(
        learner=learner,
        exercise=lessons[0].exercises.get(),
        exercise_title="Answer",
        lesson_title="Lesson 1",
        course_title="Python 101",
        code="print(1)",
        status="failed",
        score=0,
        message="before\x00after",
        results=[{"name": "prints", "status": "failed", "output": "\udcff\x00", "message": ""}],
    )

    import_module("learning.migrations.0002_storable_submission_text").repair_submission_text(
        apps, None
    )

    submission.refresh_from_db()
    assert submission.message == "beforeafter"
    assert submission.results[0]["output"] == "\ufffd"
