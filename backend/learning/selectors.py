"""Reads for the learning API. Every one of them is scoped to what the caller may see."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone

from courses.models import CoursePage, Exercise, LessonPage
from delivery.visibility import public_pages
from learning.models import (
    ActivityDay,
    Enrolment,
    LessonCompletion,
    Submission,
    SubmissionStatus,
)


def course_list():
    """Published, public courses with their live lesson counts."""
    return public_pages(CoursePage.objects.all()).order_by("path")


def course_lessons(*, course: CoursePage):
    """The course's published, public lessons in outline order."""
    return (
        public_pages(LessonPage.objects.child_of(course))
        .order_by("path")
        .annotate(exercise_count=Count("exercises"))
    )


def lesson_get(*, lesson_id: int) -> LessonPage | None:
    return public_pages(LessonPage.objects.filter(pk=lesson_id)).first()


def lesson_course(*, lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.get(pk=lesson.get_parent().pk)


def exercise_get(*, exercise_id: int) -> Exercise | None:
    """An exercise of a published, public lesson."""
    visible_lessons = public_pages(LessonPage.objects.all()).values("pk")
    return (
        Exercise.objects.filter(pk=exercise_id, lesson__in=visible_lessons)
        .select_related("lesson")
        .first()
    )


def learner_enrolments(*, learner):
    return Enrolment.objects.filter(learner=learner).select_related("course").order_by("pk")


def is_enrolled(*, learner, course_id: int) -> bool:
    return Enrolment.objects.filter(learner=learner, course_id=course_id).exists()


def unpassed_exercise_ids(*, learner, lesson: LessonPage) -> set[int]:
    """The lesson's exercises that ``learner`` has no passed submission for."""
    exercise_ids = set(Exercise.objects.filter(lesson_id=lesson.pk).values_list("pk", flat=True))
    if not exercise_ids:
        return set()
    passed = Submission.objects.filter(
        learner=learner, exercise_id__in=exercise_ids, status=SubmissionStatus.PASSED
    ).values_list("exercise_id", flat=True)
    return exercise_ids - set(passed)


def completed_lesson_ids(*, learner, course_ids) -> set[int]:
    return set(
        LessonCompletion.objects.filter(learner=learner, course_id__in=course_ids).values_list(
            "lesson_id", flat=True
        )
    )


@dataclass(frozen=True)
class CourseProgress:
    completed_lessons: int
    total_lessons: int
    percentage: int
    resume_lesson: LessonPage | None
    last_activity_at: datetime.datetime | None


def course_progress(*, learner, course: CoursePage, lessons=None) -> CourseProgress:
    """How far ``learner`` is through ``course``; the resume point is the first lesson
    in outline order that is not complete yet."""
    lessons = list(lessons if lessons is not None else course_lessons(course=course))
    done = completed_lesson_ids(learner=learner, course_ids=[course.pk])
    completed = sum(1 for lesson in lessons if lesson.pk in done)
    last_completion = LessonCompletion.objects.filter(learner=learner, course=course).aggregate(
        last=Max("completed_at")
    )["last"]
    last_submission = Submission.objects.filter(learner=learner, course=course).aggregate(
        last=Max("created_at")
    )["last"]
    activity = [moment for moment in (last_completion, last_submission) if moment]
    return CourseProgress(
        completed_lessons=completed,
        total_lessons=len(lessons),
        percentage=round(100 * completed / len(lessons)) if lessons else 0,
        resume_lesson=next((lesson for lesson in lessons if lesson.pk not in done), None),
        last_activity_at=max(activity) if activity else None,
    )


@dataclass(frozen=True)
class Streak:
    current_days: int
    longest_days: int
    last_active_on: datetime.date | None


def _runs(days: list[datetime.date]) -> list[tuple[datetime.date, int]]:
    """Consecutive-day runs in ``days`` (newest first) as (last day, length)."""
    runs: list[tuple[datetime.date, int]] = []
    for day in days:
        if runs and runs[-1][0] - datetime.timedelta(days=runs[-1][1]) == day:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((day, 1))
    return runs


def learner_streak(*, learner, today: datetime.date | None = None) -> Streak:
    """Days in a row with activity. A streak survives until the end of the day after
    its last active day, so it does not reset before the learner had a chance today."""
    today = today or timezone.localdate()
    days = list(ActivityDay.objects.filter(learner=learner).values_list("day", flat=True))
    runs = _runs(days)
    if not runs:
        return Streak(current_days=0, longest_days=0, last_active_on=None)
    last_day, last_length = runs[0]
    alive = (today - last_day).days <= 1
    return Streak(
        current_days=last_length if alive else 0,
        longest_days=max(length for _day, length in runs),
        last_active_on=last_day,
    )


def submission_list(*, user):
    """Learners see their own submissions; staff see everyone's."""
    queryset = Submission.objects.all()
    return queryset if user.is_staff else queryset.filter(learner=user)
