"""Listings of the learning API cost the same number of queries for 1 course and 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.services import enrolment_create, lesson_complete
from tests.factories import (
    CoursePageFactory,
    CoursesIndexPageFactory,
    LessonPageFactory,
    reading_lesson,
)

MAX_COURSE_LIST_QUERIES = 6


def _add_courses(index, learner, count: int) -> None:
    """``count`` courses of three lessons; the learner is enrolled in each and has
    completed its first lesson."""
    start = index.get_children().count()
    for number in range(start, start + count):
        course = CoursePageFactory(parent=index, title=f"Course {number}", slug=f"c-{number}")
        lessons = [
            LessonPageFactory(parent=course, title=f"L{step}", slug=f"l-{step}")
            for step in range(3)
        ]
        enrolment_create(learner=learner, course=course)
        lesson_complete(learner=learner, lesson=reading_lesson(lessons[0]))


def _queries_for_listing(client) -> int:
    client.get("/api/v1/courses/")  # site roots and content types are cached after once
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/courses/", {"limit": 50})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "learner"])
def test_the_course_list_costs_the_same_queries_for_1_and_50_courses(
    api_client, home, learner, signed_in
):
    index = CoursesIndexPageFactory(parent=home)
    if signed_in:
        api_client.force_authenticate(learner)

    _add_courses(index, learner, 1)
    one = _queries_for_listing(api_client)
    _add_courses(index, learner, 49)
    fifty = _queries_for_listing(api_client)

    assert (one, fifty) == (one, one)
    assert one <= MAX_COURSE_LIST_QUERIES
