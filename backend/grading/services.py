"""Grading submissions off the request path, safely across many workers.

A worker claims a submission with one conditional UPDATE (queued, or running
with an expired lease), grades it, and writes the result only if its claim is
still the current one. A worker that dies mid-grade leaves a lease that expires;
``submissions_recover`` then queues the submission again, or marks it as an error
once it has used up its attempts. Nothing stays ``running`` forever.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from courses.models import Exercise
from grading.engine import GradeResult, grade
from grading.limits import Limits
from grading.sandbox import SandboxUnavailable
from learning.models import LessonCompletion, Submission, SubmissionStatus

logger = logging.getLogger(__name__)


def _lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.GRADING_LEASE_SECONDS)


def _claimable(now) -> Q:
    return Q(status=SubmissionStatus.QUEUED) | Q(
        status=SubmissionStatus.RUNNING, lease_expires_at__lt=now
    )


def submission_claim(*, submission_id: int) -> Submission | None:
    """Mark the submission running for this worker; None if someone else has it or
    it is finished."""
    now = timezone.now()
    claimed = Submission.objects.filter(
        _claimable(now), pk=submission_id, attempts__lt=settings.GRADING_MAX_ATTEMPTS
    ).update(
        status=SubmissionStatus.RUNNING,
        started_at=now,
        lease_expires_at=now + _lease(),
        attempts=F("attempts") + 1,
    )
    return Submission.objects.select_related("exercise").get(pk=submission_id) if claimed else None


def _finish(submission: Submission, result: GradeResult) -> bool:
    """Store ``result`` unless another worker has claimed the submission since."""
    updated = Submission.objects.filter(
        pk=submission.pk, status=SubmissionStatus.RUNNING, attempts=submission.attempts
    ).update(
        status=result.status,
        score=result.score,
        message=result.message,
        results=[test.as_learner_sees_it() for test in result.tests],
        finished_at=timezone.now(),
        lease_expires_at=None,
    )
    return updated == 1


def _grade(submission: Submission) -> GradeResult:
    exercise = submission.exercise
    if exercise is None:
        return GradeResult("error", 0, "This exercise no longer exists.")
    try:
        return grade(
            code=submission.code,
            test_cases=exercise.test_case_list,
            limits=Limits.for_exercise(exercise),
        )
    except SandboxUnavailable:
        logger.error("grading.sandbox_unavailable", extra={"submission_id": submission.pk})
        raise


def submission_grade(*, submission_id: int) -> Submission | None:
    """Grade one submission if it can be claimed; returns it graded, or None."""
    submission = submission_claim(submission_id=submission_id)
    if submission is None:
        return None
    result = _grade(submission)
    if not _finish(submission, result):
        logger.warning("grading.claim_lost", extra={"submission_id": submission.pk})
        return None
    logger.info(
        "grading.finished",
        extra={
            "submission_id": submission.pk,
            "status": result.status,
            "score": result.score,
            "duration_ms": result.duration_ms,
            "attempt": submission.attempts,
        },
    )
    if result.status == SubmissionStatus.PASSED:
        _complete_lesson_if_all_passed(submission)
    submission.refresh_from_db()
    return submission


def _complete_lesson_if_all_passed(submission: Submission) -> None:
    from learning.services import lesson_complete

    lesson = submission.lesson
    already_complete = LessonCompletion.objects.filter(
        learner_id=submission.learner_id, lesson_id=submission.lesson_id
    ).exists()
    if lesson is None or already_complete:
        return
    exercise_ids = set(Exercise.objects.filter(lesson=lesson).values_list("pk", flat=True))
    passed = set(
        Submission.objects.filter(
            learner=submission.learner, exercise_id__in=exercise_ids, status="passed"
        ).values_list("exercise_id", flat=True)
    )
    if exercise_ids and passed >= exercise_ids:
        lesson_complete(learner=submission.learner, lesson=lesson.specific)


def submission_enqueue(*, submission_id: int) -> None:
    """Hand the submission to a grading worker once the current transaction commits."""
    from grading.tasks import grade_submission_task

    transaction.on_commit(lambda: grade_submission_task.enqueue(submission_id))


def submissions_recover() -> dict[str, int]:
    """Re-queue submissions whose worker vanished; give up on those out of attempts."""
    now = timezone.now()
    expired = Submission.objects.filter(status=SubmissionStatus.RUNNING, lease_expires_at__lt=now)
    exhausted = expired.filter(attempts__gte=settings.GRADING_MAX_ATTEMPTS).update(
        status=SubmissionStatus.ERROR,
        message="Grading failed repeatedly; please submit again.",
        finished_at=now,
        lease_expires_at=None,
    )
    requeued = 0
    for submission_id in expired.values_list("pk", flat=True):
        submission_enqueue(submission_id=submission_id)
        requeued += 1
    return {"requeued": requeued, "failed": exhausted}
