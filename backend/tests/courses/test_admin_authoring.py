"""An editor authors a lesson with an exercise through the real Wagtail admin form."""

import pytest
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from courses.models import LessonPage
from tests.support.sandbox import requires_bubblewrap

pytestmark = requires_bubblewrap


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw-123-abc")
    client.force_login(editor)
    return client


def _test_case(name, code):
    return ("test_case", {"name": name, "code": code, "hidden": False, "weight": 1})


def _lesson_form(*, solution: str, action: str = "action-publish") -> dict:
    exercise = {
        "title": "Double it",
        "instructions": rich_text("<p>Return twice the number.</p>"),
        "language": "python3",
        "starter_code": "def double(n):\n    return n\n",
        "solution": solution,
        "test_cases": streamfield(
            [
                _test_case("two", "assert double(2) == 4"),
                _test_case("zero", "assert double(0) == 0"),
            ]
        ),
        "time_limit_seconds": 5,
        "memory_limit_mb": 128,
    }
    data = nested_form_data(
        {
            "title": "Doubling numbers",
            "slug": "doubling-numbers",
            "summary": "Multiply by two.",
            "estimated_minutes": 10,
            "body": streamfield([("paragraph", rich_text("<p>Twice as much.</p>"))]),
            "exercises": inline_formset([exercise]),
        }
    )
    data[action] = "1"
    return data


@pytest.mark.django_db
def test_an_editor_publishes_a_lesson_with_a_graded_exercise(editor_client, course):
    response = editor_client.post(
        f"/admin/pages/add/courses/lessonpage/{course.pk}/",
        _lesson_form(solution="def double(n):\n    return n * 2\n"),
    )

    assert response.status_code == 302, response.context["form"].errors
    lesson = LessonPage.objects.get(slug="doubling-numbers")
    assert lesson.live
    assert lesson.exercises.get().title == "Double it"


@pytest.mark.django_db
def test_an_exercise_whose_solution_fails_its_tests_cannot_be_saved(editor_client, course):
    response = editor_client.post(
        f"/admin/pages/add/courses/lessonpage/{course.pk}/",
        _lesson_form(solution="def double(n):\n    return n + 2\n"),
    )

    assert response.status_code == 200
    assert "The reference solution must pass every test" in response.content.decode()
    assert not LessonPage.objects.filter(slug="doubling-numbers").exists()


@pytest.mark.django_db
def test_an_editor_can_preview_a_draft_lesson(editor_client, course):
    response = editor_client.post(
        f"/admin/pages/add/courses/lessonpage/{course.pk}/preview/",
        _lesson_form(solution="def double(n):\n    return n * 2\n", action="unused"),
    )
    assert response.status_code == 200
    assert response.json()["is_valid"] is True

    preview = editor_client.get(f"/admin/pages/add/courses/lessonpage/{course.pk}/preview/")

    assert preview.status_code == 200
    assert "http://frontend.test/api/preview?content_type=courses.lessonpage" in (
        preview.content.decode()
    )
