"""What an exercise must satisfy before editors can save it."""

from django.core.exceptions import ValidationError


def validate_exercise_shape(exercise) -> None:
    """Refuse exercises that cannot be graded: no tests, duplicate test names, no solution,
    or starter code identical to the solution."""
    errors: dict[str, list[str]] = {}
    test_cases = [dict(block.value) for block in exercise.test_cases]
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
