import pytest
from django.core.exceptions import ValidationError

from courses.validation import validate_exercise_behaviour
from demo.course_content import COURSES
from tests.factories import make_exercise, make_test_case
from tests.support.sandbox import requires_bubblewrap

pytestmark = requires_bubblewrap


def test_a_solution_that_fails_its_tests_is_refused():
    exercise = make_exercise(solution="def answer():\n    return 41\n")

    with pytest.raises(ValidationError) as caught:
        validate_exercise_behaviour(exercise)

    assert "solution" in caught.value.message_dict


def test_starter_code_that_already_passes_is_refused():
    exercise = make_exercise(starter_code="def answer():\n    return 6 * 7\n")

    with pytest.raises(ValidationError) as caught:
        validate_exercise_behaviour(exercise)

    assert "starter_code" in caught.value.message_dict


def test_the_full_clean_of_an_exercise_runs_both_checks():
    exercise = make_exercise(
        test_cases=[make_test_case("never", "assert False")],
    )

    with pytest.raises(ValidationError):
        exercise.clean()


@pytest.mark.parametrize(
    "data",
    [ex for course in COURSES for lesson in course["lessons"] for ex in lesson["exercises"]],
    ids=lambda data: data["title"],
)
def test_every_demo_exercise_passes_with_its_solution_and_fails_with_its_starter(data):
    from demo.services import _exercise

    validate_exercise_behaviour(_exercise(data))
