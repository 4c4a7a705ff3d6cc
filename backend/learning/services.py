"""Writes for the learning API. Each is atomic and safe under concurrent requests:
uniqueness lives in database constraints, and a lost race reads the winner's row."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import CoursePage, LessonPage
from learning.errors import ExercisesNotPassedError, NotEnrolledError
from learning.models import ActivityDay, Enrolment, LessonCompletion
from learning.selectors import is_enrolled, lesson_course, unpassed_exercise_ids


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
    """Mark ``lesson`` complete for an enrolled learner; repeating it changes nothing.
    A lesson with exercises is complete only once each has a passed submission."""
    course = lesson_course(lesson=lesson)
    if not is_enrolled(learner=learner, course_id=course.pk):
        raise NotEnrolledError()
    if unpassed_exercise_ids(learner=learner, lesson=lesson):
        raise ExercisesNotPassedError()
    with transaction.atomic():
        completion, created = _get_or_create(
            LessonCompletion, learner=learner, lesson=lesson, course=course
        )
        if created:
            activity_record(learner=learner)
    return completion, created
