"""A submission's life: created, queued, claimed fairly, graded, finished, recovered,
and the lesson completed once every exercise of it has passed.

Grading is off the request path and safe across many workers. A worker claims a
submission with one conditional UPDATE (queued, or running with an expired
lease), grades it with the engine (grading/), and writes the result only if its
claim is still the current one. A worker that dies mid-grade leaves a lease that
expires; ``submissions_recover`` then queues the submission again, or marks it
as an error once it has used up its attempts. Nothing stays ``running`` forever.

Workers take submissions in fair order, not in the order tasks were queued: each
learner's oldest queued submission before anyone's second, and among those, the
learner served longest ago (or never) first. A learner who queues a hundred
submissions delays another learner's by at most one run per worker.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from courses.models import Exercise
from grading.engine import GradeResult, grade
from grading.isolation import NoFreeUidError
from grading.limits import Limits
from grading.sandbox import LaunchFailedError, SandboxUnavailable
from learning.errors import NotEnrolledError
from learning.models import LessonCompletion, Submission, SubmissionStatus
from learning.selectors import is_enrolled, lesson_course, unpassed_exercise_ids
from learning.services import activity_record, lesson_complete

logger = logging.getLogger(__name__)

# Faults of the host, not of the learner's code: the claim is released and the
# submission graded again later, never recorded as the learner's error.
INFRASTRUCTURE_FAULTS = (LaunchFailedError, NoFreeUidError)
_FAIR_CANDIDATES = 20


def _lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.GRADING_LEASE_SECONDS)


def _claimable(now) -> Q:
    return Q(status=SubmissionStatus.QUEUED) | Q(
        status=SubmissionStatus.RUNNING, lease_expires_at__lt=now
    )


def _check_code_size(code: str) -> None:
    limit = settings.SUBMISSION_MAX_CODE_BYTES
    if len(code.encode("utf-8", errors="replace")) > limit:
        raise ValidationError({"code": [f"Code must be at most {limit // 1024} KB."]})


def submission_create(*, learner, exercise: Exercise, code: str) -> Submission:
    """Store ``code`` for ``exercise`` as a queued submission and hand it to the grader
    once the transaction commits."""
    _check_code_size(code)
    lesson = exercise.lesson
    course = lesson_course(lesson=lesson)
    if not is_enrolled(learner=learner, course_id=course.pk):
        raise NotEnrolledError()
    with transaction.atomic():
        submission = Submission.objects.create(
            learner=learner,
            exercise=exercise,
            lesson=lesson,
            course=course,
            exercise_title=exercise.title,
            lesson_title=lesson.title,
            course_title=course.title,
            code=code,
        )
        activity_record(learner=learner)
        submission_enqueue(submission_id=submission.pk)
    return submission


def submission_enqueue(*, submission_id: int) -> None:
    """Ask a grading worker for one run once the current transaction commits."""
    from learning.tasks import grade_submission_task

    transaction.on_commit(lambda: grade_submission_task.enqueue(submission_id))


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


def fair_queue_ids(*, limit: int = _FAIR_CANDIDATES) -> list[int]:
    """Claimable submissions in fair order: each learner's n-th before anyone's n+1-th."""
    now = timezone.now()
    last_served = (
        Submission.objects.filter(learner_id=OuterRef("learner_id"), started_at__isnull=False)
        .order_by("-started_at")
        .values("started_at")[:1]
    )
    ranked = (
        Submission.objects.filter(_claimable(now), attempts__lt=settings.GRADING_MAX_ATTEMPTS)
        .annotate(
            place=Window(
                RowNumber(), partition_by=[F("learner_id")], order_by=[F("created_at"), F("pk")]
            ),
            learner_served_at=Subquery(last_served),
        )
        .order_by("place", F("learner_served_at").asc(nulls_first=True), "created_at", "pk")
        .values_list("pk", flat=True)
    )
    return list(ranked[:limit])


def submission_claim_next() -> Submission | None:
    """Claim the next submission in fair order; None when nothing is waiting."""
    while candidates := fair_queue_ids():
        for submission_id in candidates:
            if claimed := submission_claim(submission_id=submission_id):
                return claimed
    return None


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


def _release(submission: Submission) -> None:
    """Give a claim back after an infrastructure fault, as if it had never been made."""
    Submission.objects.filter(
        pk=submission.pk, status=SubmissionStatus.RUNNING, attempts=submission.attempts
    ).update(
        status=SubmissionStatus.QUEUED,
        attempts=F("attempts") - 1,
        started_at=None,
        lease_expires_at=None,
    )


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


def _grade_claimed(submission: Submission) -> Submission | None:
    try:
        result = _grade(submission)
    except INFRASTRUCTURE_FAULTS as exc:
        _release(submission)
        logger.error(
            "grading.infrastructure_fault",
            extra={"submission_id": submission.pk, "fault": type(exc).__name__},
        )
        return None
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


def submission_grade(*, submission_id: int) -> Submission | None:
    """Grade this submission if it can be claimed; returns it graded, or None."""
    submission = submission_claim(submission_id=submission_id)
    return _grade_claimed(submission) if submission else None


def submission_grade_next() -> Submission | None:
    """Grade the next submission in fair order; returns it graded, or None."""
    submission = submission_claim_next()
    return _grade_claimed(submission) if submission else None


def _complete_lesson_if_all_passed(submission: Submission) -> None:
    lesson = submission.lesson
    if lesson is None:
        return
    already_complete = LessonCompletion.objects.filter(
        learner_id=submission.learner_id, lesson_id=submission.lesson_id
    ).exists()
    if not already_complete and not unpassed_exercise_ids(
        learner=submission.learner, lesson=lesson
    ):
        lesson_complete(learner=submission.learner, lesson=lesson.specific)


def submissions_recover() -> dict[str, int]:
    """Re-queue submissions whose worker vanished; give up on those out of attempts;
    ask for another run for queued submissions that waited a whole lease (their
    task was lost, or an infrastructure fault released them)."""
    now = timezone.now()
    expired = Submission.objects.filter(status=SubmissionStatus.RUNNING, lease_expires_at__lt=now)
    exhausted = expired.filter(attempts__gte=settings.GRADING_MAX_ATTEMPTS).update(
        status=SubmissionStatus.ERROR,
        message="Grading failed repeatedly; please submit again.",
        finished_at=now,
        lease_expires_at=None,
    )
    waiting = Submission.objects.filter(
        status=SubmissionStatus.QUEUED, created_at__lt=now - _lease()
    )
    requeued = 0
    stale = [*expired.values_list("pk", flat=True), *waiting.values_list("pk", flat=True)]
    for submission_id in stale:
        submission_enqueue(submission_id=submission_id)
        requeued += 1
    return {"requeued": requeued, "failed": exhausted}
