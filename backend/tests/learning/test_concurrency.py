"""Concurrent writes against the real database: no duplicates, no lost updates."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from learning.models import ActivityDay, Enrolment, LessonCompletion, Submission
from learning.services import enrolment_create, lesson_complete
from learning.submissions import submission_create
from tests.factories import reading_lesson

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a database with concurrent writers"
    ),
]
WORKERS = 8


def _race(function, count=WORKERS):
    barrier = threading.Barrier(count)

    def run(_):
        try:
            barrier.wait()
            return function()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_concurrent_enrolments_create_exactly_one(learner, course):
    results = _race(lambda: enrolment_create(learner=learner, course=course))

    assert Enrolment.objects.filter(learner=learner, course=course).count() == 1
    assert sum(created for _enrolment, created in results) == 1
    assert len({enrolment.pk for enrolment, _created in results}) == 1


def test_concurrent_completions_create_exactly_one(learner, course, lessons):
    enrolment_create(learner=learner, course=course)

    lesson = reading_lesson(lessons[0])
    results = _race(lambda: lesson_complete(learner=learner, lesson=lesson))

    assert LessonCompletion.objects.filter(learner=learner).count() == 1
    assert sum(created for _completion, created in results) == 1
    assert ActivityDay.objects.filter(learner=learner).count() == 1


def test_concurrent_submissions_are_all_kept(learner, course, lessons):
    enrolment_create(learner=learner, course=course)
    exercise = lessons[0].exercises.get()

    results = _race(lambda: submission_create(learner=learner, exercise=exercise, code="x = 1"))

    assert Submission.objects.filter(learner=learner).count() == WORKERS
    assert {submission.pk for submission in results} == set(
        Submission.objects.values_list("pk", flat=True)
    )
