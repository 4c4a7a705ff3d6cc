import datetime

import pytest

from learning.models import ActivityDay
from learning.selectors import course_progress, learner_streak
from learning.services import enrolment_create, lesson_complete
from tests.factories import reading_lesson

TODAY = datetime.date(2026, 11, 23)


def _activity(learner, *days_ago):
    for days in days_ago:
        ActivityDay.objects.create(learner=learner, day=TODAY - datetime.timedelta(days=days))


@pytest.mark.django_db
def test_progress_counts_completed_lessons_and_resumes_at_the_first_gap(learner, course, lessons):
    enrolment_create(learner=learner, course=course)
    lesson_complete(learner=learner, lesson=reading_lesson(lessons[0]))
    lesson_complete(learner=learner, lesson=reading_lesson(lessons[2]))

    progress = course_progress(learner=learner, course=course)

    assert (progress.completed_lessons, progress.total_lessons, progress.percentage) == (2, 3, 67)
    assert progress.resume_lesson == lessons[1]
    assert progress.last_activity_at is not None


@pytest.mark.django_db
def test_progress_of_an_untouched_course_starts_at_the_first_lesson(learner, course, lessons):
    progress = course_progress(learner=learner, course=course)

    assert (progress.percentage, progress.resume_lesson, progress.last_activity_at) == (
        0,
        lessons[0],
        None,
    )


@pytest.mark.django_db
def test_progress_ignores_unpublished_lessons(learner, course, lessons):
    lessons[2].unpublish()

    assert course_progress(learner=learner, course=course).total_lessons == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("days_ago", "current", "longest"),
    [
        ((), 0, 0),
        ((0,), 1, 1),
        ((0, 1, 2), 3, 3),
        ((1, 2), 2, 2),  # yesterday still counts: today is not over
        ((2, 3), 0, 2),
        ((0, 2, 3, 4, 5), 1, 4),
    ],
)
def test_streak_counts_consecutive_active_days(learner, days_ago, current, longest):
    _activity(learner, *days_ago)

    streak = learner_streak(learner=learner, today=TODAY)

    assert (streak.current_days, streak.longest_days) == (current, longest)
