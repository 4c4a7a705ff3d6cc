"""Writes for the learning API. Each is atomic and safe under concurrent requests:
uniqueness lives in database constraints, and a lost race reads the winner's row."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import CoursePage, Exercise, LessonPage
from grading.services import submission_enqueue
from learning.errors import NotEnrolled
from learning.models import ActivityDay, Enrolment, LessonCompletion, Submission
from learning.selectors import is_enrolled, lesson_course


def _get_or_create(model, **fields):
    """``get_or_create`` that survives a concurrent insert of the same unique row."""
    try:
        with transaction.atomic():
            return model.objects.get_or_create(**fields)
    except IntegrityError:
        return model.objects.get(**fields), False


def activity_record(*, learner, day: datetime.date | None = None) -> None:
    _get_or_create(ActivityDay, learner=learner, day=day or timezone.localdate())


def enrolment_create(*, learner, course: CoursePage) -> tuple[Enrolment, bool]:
    """Enrol ``learner`` in ``course``; enrolling twice returns the first enrolment."""
    return _get_or_create(Enrolment, learner=learner, course=course)


def enrolment_delete(*, learner, course: CoursePage) -> bool:
    """Unenrol; progress and submissions are kept for a later re-enrolment."""
    deleted, _ = Enrolment.objects.filter(learner=learner, course=course).delete()
    return deleted > 0


def lesson_complete(*, learner, lesson: LessonPage) -> tuple[LessonCompletion, bool]:
    """Mark ``lesson`` complete for an enrolled learner; repeating it changes nothing."""
    course = lesson_course(lesson=lesson)
    if not is_enrolled(learner=learner, course_id=course.pk):
        raise NotEnrolled()
    with transaction.atomic():
        completion, created = _get_or_create(
            LessonCompletion, learner=learner, lesson=lesson, course=course
        )
        if created:
            activity_record(learner=learner)
    return completion, created


def _check_code_size(code: str) -> None:
    limit = settings.SUBMISSION_MAX_CODE_BYTES
    if len(code.encode("utf-8")) > limit:
        raise ValidationError({"code": [f"Code must be at most {limit // 1024} KB."]})


def submission_create(*, learner, exercise: Exercise, code: str) -> Submission:
    """Store ``code`` for ``exercise`` as a queued submission and hand it to the grader
    once the transaction commits."""
    _check_code_size(code)
    lesson = exercise.lesson
    course = lesson_course(lesson=lesson)
    if not is_enrolled(learner=learner, course_id=course.pk):
        raise NotEnrolled()
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
