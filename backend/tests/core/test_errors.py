import pytest
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions
from wagtail.api.v2.utils import BadRequestError

from core import exceptions as domain
from core.errors import api_exception_handler


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (Http404("No BlogPage matches the given query."), 404, "not_found"),
        (exceptions.NotAuthenticated(), 401, "not_authenticated"),
        (exceptions.PermissionDenied(), 403, "permission_denied"),
        (exceptions.Throttled(wait=30), 429, "throttled"),
        (BadRequestError("unknown fields: x"), 400, "bad_request"),
        (RequestDataTooBig(), 413, "payload_too_large"),
    ],
)
def test_exceptions_map_to_the_one_error_format(exc, status, code):
    response = api_exception_handler(exc, {})

    assert response.status_code == status
    assert response.data["status"] == status
    assert response.data["code"] == code
    assert isinstance(response.data["message"], str)
    assert response.data["message"]


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (domain.NotFoundError("No exercise with this id."), 404, "not_found"),
        (domain.ConflictError("Enrol first.", code="not_enrolled"), 409, "not_enrolled"),
        (domain.NotAllowedError("Editors only."), 403, "permission_denied"),
        (domain.RateLimitedError("Later.", retry_after=12), 429, "rate_limited"),
        (domain.UnavailableError(code="ai_unavailable"), 503, "ai_unavailable"),
        (domain.UpstreamTimeoutError("Slow.", code="ai_timeout"), 504, "ai_timeout"),
    ],
)
def test_domain_errors_map_to_their_status_and_keep_their_code(exc, status, code):
    response = api_exception_handler(exc, {})

    assert response.status_code == status
    assert response.data == {
        "status": status,
        "code": code,
        "message": exc.message or response.data["message"],
    }
    assert response.data["message"]


def test_domain_errors_say_when_to_retry():
    limited = api_exception_handler(domain.RateLimitedError("Later.", retry_after=12), {})
    conflict = api_exception_handler(domain.ConflictError("No."), {})

    assert limited["Retry-After"] == "12"
    assert "Retry-After" not in conflict


def test_invalid_input_lists_messages_per_field():
    response = api_exception_handler(domain.InvalidInputError({"text": ["Required."]}), {})

    assert response.status_code == 400
    assert response.data["fields"] == {"text": ["Required."]}


def test_not_found_messages_do_not_name_models():
    response = api_exception_handler(Http404("No BlogPage matches the given query."), {})

    assert "BlogPage" not in response.data["message"]


def test_throttled_responses_carry_retry_after():
    response = api_exception_handler(exceptions.Throttled(wait=30), {})

    assert response["Retry-After"] == "30"


def test_validation_errors_list_messages_per_field():
    response = api_exception_handler(
        exceptions.ValidationError({"code": ["Too long."], "nested": {"x": ["Bad."]}}), {}
    )

    assert response.status_code == 400
    assert response.data["fields"] == {"code": ["Too long."], "nested": ["x: Bad."]}


def test_django_validation_errors_become_400s():
    response = api_exception_handler(DjangoValidationError({"title": ["Required."]}), {})

    assert response.status_code == 400
    assert response.data["fields"] == {"title": ["Required."]}


def test_parse_errors_hide_the_parser_message():
    response = api_exception_handler(exceptions.ParseError("Expecting value: line 1 column 1"), {})

    assert response.data["message"] == "The request body is not valid JSON."


def test_unknown_exceptions_are_left_to_the_500_handler_and_logged_without_text(caplog):
    response = api_exception_handler(RuntimeError("password=hunter2"), {"view": object()})

    assert response is None
    assert "hunter2" not in caplog.text


@pytest.mark.django_db
def test_unknown_urls_get_a_json_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response.json() == {"status": 404, "code": "not_found", "message": "Not found."}


@pytest.mark.django_db
def test_server_errors_get_a_json_500_without_details(client, monkeypatch):
    from core import views

    def explode(request):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views, "_database_ok", lambda: explode(None))
    client.raise_request_exception = False

    response = client.get("/healthz/")

    assert response.status_code == 500
    assert response.json() == {
        "status": 500,
        "code": "server_error",
        "message": "An unexpected error occurred.",
    }
