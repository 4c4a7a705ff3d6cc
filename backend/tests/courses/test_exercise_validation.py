import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_exercise, make_test_case


def _errors(exercise) -> dict:
    with pytest.raises(ValidationError) as caught:
        exercise.clean()
    return caught.value.message_dict


def test_a_well_formed_exercise_is_valid():
    make_exercise().clean()


def test_an_exercise_needs_test_cases():
    assert "test_cases" in _errors(make_exercise(test_cases=[]))


def test_test_case_names_must_be_unique():
    exercise = make_exercise(test_cases=[make_test_case("same"), make_test_case("same")])

    assert "unique" in _errors(exercise)["test_cases"][0]


def test_an_exercise_needs_a_solution():
    assert "solution" in _errors(make_exercise(solution="  "))


def test_starter_code_must_differ_from_the_solution():
    exercise = make_exercise(starter_code="def answer():\n    return 42\n")

    assert "starter_code" in _errors(exercise)
