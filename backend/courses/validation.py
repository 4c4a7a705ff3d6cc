"""What an exercise must satisfy before editors can save it: a gradable shape first,
then the right behaviour in the grader."""

from django.core.exceptions import ValidationError

from grading.engine import grade
from grading.limits import Limits
from grading.sandbox import SandboxUnavailable


def validate_exercise_shape(exercise) -> None:
    """Refuse exercises that cannot be graded: no tests, duplicate test names, no solution,
    or starter code identical to the solution."""
    errors: dict[str, list[str]] = {}
    test_cases = exercise.test_case_list
    if not test_cases:
        errors.setdefault("test_cases", []).append("Add at least one test case.")
    names = [case["name"].strip() for case in test_cases]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        errors.setdefault("test_cases", []).append(
            "Test case names must be unique: " + ", ".join(duplicates)
        )
    if not exercise.solution.strip():
        errors.setdefault("solution", []).append("A reference solution is required.")
    elif exercise.starter_code.strip() == exercise.solution.strip():
        errors.setdefault("starter_code", []).append(
            "The starter code must not be the reference solution."
        )
    if errors:
        raise ValidationError(errors)


def validate_exercise_behaviour(exercise) -> None:
    """Grade the reference solution and the starter code with the learners' engine:
    the solution must pass every test and the starter code must fail at least one."""
    test_cases = exercise.test_case_list
    limits = Limits.for_exercise(exercise)
    try:
        solution = grade(code=exercise.solution, test_cases=test_cases, limits=limits)
        starter = grade(code=exercise.starter_code, test_cases=test_cases, limits=limits)
    except SandboxUnavailable as exc:
        raise ValidationError(
            "Exercises cannot be checked because grading is unavailable here."
        ) from exc
    errors: dict[str, list[str]] = {}
    if solution.status != "passed":
        failing = [test.name for test in solution.tests if test.status != "passed"]
        detail = ", ".join(failing) if failing else solution.message
        errors["solution"] = [f"The reference solution must pass every test ({detail})."]
    if starter.status == "passed":
        errors["starter_code"] = ["The starter code already passes every test."]
    if errors:
        raise ValidationError(errors)
