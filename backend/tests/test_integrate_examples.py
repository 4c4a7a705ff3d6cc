"""The "Integrate" examples of docs/integrate.md, run as written against a live server.

They are the documentation integrators copy, so they must keep working: the
curl walk-through and the script that uses a client generated from openapi/.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from learning.models import Submission
from tests.factories import UserFactory

REPOSITORY = Path(__file__).resolve().parents[2]
PASSWORD = "correct-horse-battery-staple"
REPORT = re.compile(r"^submission (\d+): (\w+), score (\d+|None)$", re.MULTILINE)


def integrate_example(name: str) -> str:
    guide = (REPOSITORY / "docs" / "integrate.md").read_text()
    match = re.search(rf"<!-- example: {name} .*?-->\n```\w+\n(.*?)```", guide, re.DOTALL)
    assert match, f"docs/integrate.md has no example called {name}"
    return match.group(1)


def _run(command: list[str], **env) -> str:
    completed = subprocess.run(
        command,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout


def _assert_reported_as_stored(output: str, email: str) -> None:
    submission_id, status, score = REPORT.search(output).groups()
    submission = Submission.objects.get(pk=submission_id)
    assert submission.learner.email == email
    assert submission.status == status
    assert str(submission.score) == score
    assert status not in ("queued", "running")


@pytest.fixture
def python_client(tmp_path) -> Path:
    generator = Path(sys.executable).parent / "openapi-python-client"
    _run(
        [
            str(generator),
            "generate",
            "--path",
            str(REPOSITORY / "openapi" / "schema.json"),
            "--config",
            str(REPOSITORY / "openapi" / "python-client.yml"),
            "--meta",
            "none",
            "--output-path",
            str(tmp_path / "codecampus_client"),
        ]
    )
    return tmp_path


@pytest.mark.django_db(transaction=True)
def test_curl_example_signs_up_enrols_and_gets_a_graded_submission(live_server, lessons):
    email = "curl-example@example.com"

    output = _run(
        ["bash", "-euo", "pipefail", "-c", integrate_example("integrate-curl")],
        BASE=live_server.url,
        EMAIL=email,
        PASSWORD="an-unguessable-passphrase",
    )

    _assert_reported_as_stored(output, email)
    assert "hint from offline: " in output


@pytest.mark.django_db(transaction=True)
def test_python_client_example_lists_courses_and_gets_a_graded_submission(
    live_server, lessons, course, python_client
):
    learner = UserFactory(password=PASSWORD)

    output = _run(
        [sys.executable, "-c", integrate_example("integrate-python")],
        BASE=live_server.url,
        EMAIL=learner.email,
        PASSWORD=PASSWORD,
        PYTHONPATH=str(python_client),
    )

    assert "1 published course(s)" in output  # read anonymously
    assert f"{course.id}: {course.title} (" in output
    _assert_reported_as_stored(output, learner.email)


def test_the_generated_client_reads_public_content_without_credentials(python_client):
    # openapi-python-client types an operation that "requires security" as taking an
    # AuthenticatedClient only; public reads must take a plain Client too.
    probe = (
        "import inspect\n"
        "from codecampus_client.api.courses import courses_list\n"
        "from codecampus_client.api.pages import pages_list\n"
        "from codecampus_client.api.submissions import submissions_list\n"
        "for operation in (courses_list, pages_list, submissions_list):\n"
        "    client = inspect.signature(operation.sync).parameters['client'].annotation\n"
        "    print(operation.__name__.rsplit('.')[-1], 'Client' in str(client).split(' | ')[-1]"
        " and 'AuthenticatedClient' not in str(client).split(' | ')[-1])\n"
    )

    output = _run([sys.executable, "-c", probe], PYTHONPATH=str(python_client))

    assert output.split("\n")[:3] == [
        "courses_list True",
        "pages_list True",
        "submissions_list False",
    ]
