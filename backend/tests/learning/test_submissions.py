import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from grading.sandbox import LaunchFailedError
from learning.models import LessonCompletion, Submission
from learning.services import enrolment_create
from learning.submissions import (
    fair_queue_ids,
    submission_claim,
    submission_grade,
    submission_grade_next,
    submissions_recover,
)
from tests.support.sandbox import requires_bubblewrap

pytestmark = requires_bubblewrap

SOLVED = "def answer():\n    return 42\n"


@pytest.fixture
def exercise(learner, course, lessons):
    enrolment_create(learner=learner, course=course)
    return lessons[0].exercises.get()


def _queued(learner, exercise, code=SOLVED) -> Submission:
    lesson = exercise.lesson
    return Submission.objects.create(
        learner=learner,
        exercise=exercise,
        lesson=lesson,
        course=lesson.get_parent().specific,
        exercise_title=exercise.title,
        lesson_title=lesson.title,
        course_title="Python 101",
        code=code,
    )


@pytest.mark.django_db
def test_grading_moves_a_submission_from_queued_to_a_final_state(learner, exercise):
    submission = _queued(learner, exercise)

    graded = submission_grade(submission_id=submission.pk)

    assert (graded.status, graded.score, graded.attempts) == ("passed", 100, 1)
    assert graded.started_at <= graded.finished_at
    assert graded.lease_expires_at is None


@pytest.mark.django_db
def test_hidden_test_results_are_stored_without_messages_or_output(learner, exercise):
    submission = _queued(learner, exercise, code="def answer():\n    return 1\n")

    results = submission_grade(submission_id=submission.pk).results

    secret = next(result for result in results if result["name"] == "secret")
    assert secret == {"name": "secret", "status": "failed", "hidden": True, "weight": 2}
    visible = next(result for result in results if result["name"] == "works")
    assert visible["message"] == "answer(): expected 42, got 1"
    assert visible["detail"]["expected"] == "42"


@pytest.mark.django_db
def test_a_passed_exercise_completes_its_lesson(learner, exercise):
    submission_grade(submission_id=_queued(learner, exercise).pk)

    assert LessonCompletion.objects.filter(learner=learner, lesson=exercise.lesson).exists()


@pytest.mark.django_db
def test_a_failed_exercise_does_not_complete_its_lesson(learner, exercise):
    submission_grade(submission_id=_queued(learner, exercise, code="answer = None").pk)

    assert not LessonCompletion.objects.exists()


@pytest.mark.django_db
def test_a_submission_is_graded_by_one_worker_only(learner, exercise):
    submission = _queued(learner, exercise)

    first = submission_claim(submission_id=submission.pk)
    second = submission_claim(submission_id=submission.pk)

    assert first is not None
    assert second is None


@pytest.mark.django_db
def test_a_dead_workers_submission_is_regraded_after_its_lease(
    learner, exercise, django_capture_on_commit_callbacks
):
    submission = _queued(learner, exercise)
    submission_claim(submission_id=submission.pk)  # the worker dies here
    Submission.objects.filter(pk=submission.pk).update(
        lease_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        counts = submissions_recover()

    submission.refresh_from_db()
    assert counts == {"requeued": 1, "failed": 0}
    assert (submission.status, submission.attempts) == ("passed", 2)


@pytest.mark.django_db
def test_a_live_lease_is_left_alone(learner, exercise):
    submission = _queued(learner, exercise)
    submission_claim(submission_id=submission.pk)

    assert submissions_recover() == {"requeued": 0, "failed": 0}
    assert Submission.objects.get(pk=submission.pk).status == "running"


@pytest.mark.django_db
@override_settings(GRADING_MAX_ATTEMPTS=1)
def test_a_submission_out_of_attempts_becomes_an_error(learner, exercise):
    submission = _queued(learner, exercise)
    submission_claim(submission_id=submission.pk)
    Submission.objects.filter(pk=submission.pk).update(
        lease_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    submissions_recover()

    submission.refresh_from_db()
    assert submission.status == "error"
    assert "submit again" in submission.message


@pytest.mark.django_db
def test_a_worker_whose_claim_was_taken_over_does_not_overwrite_the_result(learner, exercise):
    submission = _queued(learner, exercise)
    stale = submission_claim(submission_id=submission.pk)
    Submission.objects.filter(pk=submission.pk).update(
        lease_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    submission_grade(submission_id=submission.pk)  # the second worker finishes

    from grading.engine import GradeResult
    from learning.submissions import _finish

    assert _finish(stale, GradeResult("error", 0, "late")) is False
    assert Submission.objects.get(pk=submission.pk).status == "passed"


@pytest.mark.django_db
def test_submitting_through_the_api_grades_and_shows_per_test_results(
    learner_client, exercise, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = learner_client.post(
            "/api/v1/submissions/",
            {"exercise": exercise.pk, "code": "answer = lambda: 42"},
            format="json",
        )

    detail = learner_client.get(f"/api/v1/submissions/{response.json()['id']}/").json()
    assert response.status_code == 202
    assert (detail["status"], detail["score"]) == ("passed", 100)
    assert [result["status"] for result in detail["results"]] == ["passed"] * 3
    progress = learner_client.get("/api/v1/progress/").json()
    assert progress["courses"][0]["progress"]["completed_lessons"] == 1


@pytest.mark.django_db
def test_one_learners_flood_waits_behind_another_learners_single_submission(
    learner, other_learner, course, exercise
):
    enrolment_create(learner=other_learner, course=course)
    flood = [_queued(learner, exercise, code=f"# {number}\n{SOLVED}") for number in range(5)]
    theirs = _queued(other_learner, exercise)

    order = fair_queue_ids()
    graded = [submission_grade_next().pk for _ in range(2)]

    assert order[:3] == [flood[0].pk, theirs.pk, flood[1].pk]
    assert graded == [flood[0].pk, theirs.pk]


@pytest.mark.django_db
def test_an_infrastructure_fault_is_retried_and_never_blamed_on_the_learner(
    learner, exercise, monkeypatch
):
    submission = _queued(learner, exercise)

    def no_process_slot(**kwargs):
        raise LaunchFailedError("could not start a sandbox (EAGAIN)")

    monkeypatch.setattr("learning.submissions.grade", no_process_slot)
    assert submission_grade(submission_id=submission.pk) is None
    submission.refresh_from_db()
    assert (submission.status, submission.attempts, submission.message) == ("queued", 0, "")

    monkeypatch.undo()
    assert submission_grade(submission_id=submission.pk).status == "passed"
