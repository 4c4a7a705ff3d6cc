"""The learning domain's errors (mapped to responses by core.errors)."""

from core.exceptions import ConflictError


class NotEnrolledError(ConflictError):
    code = "not_enrolled"
    message = "Enrol in the course first."


class ExercisesNotPassedError(ConflictError):
    """A lesson with exercises is complete when each has a passed submission, never by request."""

    code = "exercises_not_passed"
    message = "Pass every exercise of this lesson to complete it."
