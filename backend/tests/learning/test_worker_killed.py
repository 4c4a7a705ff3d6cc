"""A grading worker killed mid-job: the submission is graded again, never stuck.

A real ``manage.py db_worker`` process claims the submission and is killed
with SIGKILL while the learner's code runs. Its lease expires, recovery
re-queues the submission, and a second worker grades it.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from learning.models import Submission, SubmissionStatus
from learning.services import enrolment_create
from learning.submissions import submission_create
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a worker process needs a database server"
    ),
]

BACKEND_DIR = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 3
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SLOW_SOLUTION = "import time\ntime.sleep(4)\n\ndef answer():\n    return 42\n"


def _database_url() -> str:
    database = connection.settings_dict
    user = database["USER"] or "postgres"
    return f"postgres://{user}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def _start_worker() -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": _database_url(),
        "TASKS_BACKEND": "database",
        "GRADING_LEASE_SECONDS": str(LEASE_SECONDS),
    }
    env.pop("REDIS_URL", None)
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=BACKEND_DIR,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)


def _wait_for(submission: Submission, statuses: set[str], seconds: float = 60) -> Submission:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        submission.refresh_from_db()
        if submission.status in statuses:
            return submission
        time.sleep(0.2)
    raise AssertionError(f"submission stayed {submission.status}")


def test_a_killed_worker_leaves_a_submission_that_is_graded_again(lessons, course):
    learner = UserFactory()
    enrolment_create(learner=learner, course=course)
    exercise = lessons[0].exercises.get()
    exercise.time_limit_seconds = 20
    exercise.save()
    with override_settings(TASKS=DATABASE_TASKS):
        submission = submission_create(learner=learner, exercise=exercise, code=SLOW_SOLUTION)

    first = _start_worker()
    try:
        _wait_for(submission, {SubmissionStatus.RUNNING})
        time.sleep(1)
        _stop(first)
    finally:
        _stop(first)
    submission.refresh_from_db()
    assert (submission.status, submission.attempts) == (SubmissionStatus.RUNNING, 1)

    time.sleep(LEASE_SECONDS + 0.5)
    with override_settings(TASKS=DATABASE_TASKS, GRADING_LEASE_SECONDS=LEASE_SECONDS):
        call_command("recover_submissions")
    second = _start_worker()
    try:
        graded = _wait_for(submission, {SubmissionStatus.PASSED, SubmissionStatus.FAILED})
    finally:
        _stop(second)

    assert graded.status == SubmissionStatus.PASSED
    assert graded.attempts == 2
