from rest_framework import status
from rest_framework.exceptions import APIException


class NotEnrolled(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Enrol in the course first."
    default_code = "not_enrolled"


class ExercisesNotPassed(APIException):
    """A lesson with exercises is complete when each has a passed submission, never by request."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "Pass every exercise of this lesson to complete it."
    default_code = "exercises_not_passed"
