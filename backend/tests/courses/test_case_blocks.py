"""Structured test cases: a call and an expected value, graded like the asserts they stand for."""

import pytest
from django.core.exceptions import ValidationError

from courses.blocks import CaseBlock
from grading.engine import grade
from grading.limits import Limits
from tests.factories import make_exercise, make_test_case
from tests.support.sandbox import requires_bubblewrap


def make_case(name, call, expected, *, hidden=False, weight=1) -> dict:
    return {
        "type": "case",
        "value": {
            "name": name,
            "call": call,
            "expected": expected,
            "hidden": hidden,
            "weight": weight,
        },
    }


def test_a_case_is_graded_as_the_assert_it_stands_for():
    exercise = make_exercise(
        test_cases=[
            make_case("forty-two", "answer()", "42"),
            make_test_case("is an int", "assert isinstance(answer(), int)"),
        ]
    )

    assert exercise.test_case_list == [
        {"name": "forty-two", "code": "assert answer() == 42", "hidden": False, "weight": 1},
        {
            "name": "is an int",
            "code": "assert isinstance(answer(), int)",
            "hidden": False,
            "weight": 1,
        },
    ]


@requires_bubblewrap
def test_a_failing_case_shows_the_call_the_expected_and_the_actual_value():
    exercise = make_exercise(test_cases=[make_case("two days", "seconds_in_days(2)", "172800")])

    result = grade(
        code="def seconds_in_days(days):\n    return days\n",
        test_cases=exercise.test_case_list,
        limits=Limits(),
    )

    assert result.tests[0].message == "seconds_in_days(2): expected 172800, got 2"


@pytest.mark.parametrize(
    ("field", "text"), [("call", "answer("), ("expected", "[1, 2"), ("call", "x = 1")]
)
def test_a_case_that_is_not_python_is_refused_on_its_field(field, text):
    value = {"name": "broken", "call": "answer()", "expected": "42", "hidden": False, "weight": 1}
    value[field] = text
    block = CaseBlock()

    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(value))

    assert field in caught.value.block_errors
