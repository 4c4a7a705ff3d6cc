"""Reads for the learning API. Every one of them is scoped to what the caller may see."""

import datetime
import operator
from dataclasses import dataclass
from functools import reduce

from django.db.models import Count, Max, Q
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


def course_lessons(*, course: CoursePage) -> list[LessonPage]:
    """The course's published, public lessons in outline order."""
    return lessons_by_course(courses=[course])[course.pk]


def lessons_by_course(*, courses) -> dict[int, list[LessonPage]]:
    """Each course's published, public lessons in outline order, in one query."""
    courses = list(courses)
    if not courses:
        return {}
    course_at = {course.path: course.pk for course in courses}
    children = reduce(
        operator.or_,
        (Q(path__startswith=course.path, depth=course.depth + 1) for course in courses),
    )
    lessons = (
        public_pages(LessonPage.objects.filter(children))
        .order_by("path")
        .annotate(exercise_count=Count("exercises"))
    )
    grouped: dict[int, list[LessonPage]] = {course.pk: [] for course in courses}
    for lesson in lessons:
        grouped[course_at[lesson.path[: -LessonPage.steplen]]].append(lesson)
    return grouped


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
    lessons = {course.pk: list(lessons)} if lessons is not None else None
    return courses_progress(learner=learner, courses=[course], lessons=lessons)[course.pk]


def courses_progress(
    *, learner, courses, lessons: dict[int, list[LessonPage]] | None = None
) -> dict[int, CourseProgress]:
    """``course_progress`` for many courses in two queries (three without ``lessons``)."""
    courses = list(courses)
    course_ids = [course.pk for course in courses]
    lessons = lessons if lessons is not None else lessons_by_course(courses=courses)
    completions = LessonCompletion.objects.filter(learner=learner, course_id__in=course_ids)
    done: set[int] = set()
    last_completions: dict[int, datetime.datetime] = {}
    for lesson_id, course_id, completed_at in completions.values_list(
        "lesson_id", "course_id", "completed_at"
    ):
        done.add(lesson_id)
        last_completions[course_id] = max(
            completed_at, last_completions.get(course_id, completed_at)
        )
    last_submissions = _latest_by_course(
        Submission.objects.filter(learner=learner, course_id__in=course_ids), "created_at"
    )
    return {
        course_id: _progress(
            lessons[course_id],
            done,
            [last_completions.get(course_id), last_submissions.get(course_id)],
        )
        for course_id in course_ids
    }


def _completions(*, learner, course_ids) -> tuple[set[int], dict[int, datetime.datetime]]:
    """The learner's completed lesson ids, and their latest completion per course."""
    done: set[int] = set()
    latest: dict[int, datetime.datetime] = {}
    rows = LessonCompletion.objects.filter(learner=learner, course_id__in=course_ids)
    for lesson_id, course_id, at in rows.values_list("lesson_id", "course_id", "completed_at"):
        done.add(lesson_id)
        latest[course_id] = max(at, latest.get(course_id, at))
    return done, latest


def _latest_by_course(queryset, field: str) -> dict[int, datetime.datetime]:
    rows = queryset.order_by().values("course_id").annotate(last=Max(field))
    return {row["course_id"]: row["last"] for row in rows}


def _progress(lessons: list[LessonPage], done: set[int], moments) -> CourseProgress:
    completed = sum(1 for lesson in lessons if lesson.pk in done)
    activity = [moment for moment in moments if moment]
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
