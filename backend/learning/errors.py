from rest_framework import status
from rest_framework.exceptions import APIException


class NotEnrolled(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Enrol in the course first."
    default_code = "not_enrolled"
