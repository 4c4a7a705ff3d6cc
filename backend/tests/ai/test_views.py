"""POST /api/v1/ai/generate/ and GET /api/v1/ai/quota/: permissions, errors, headers."""

import pytest
from rest_framework.test import APIClient

from learning.models import Submission, SubmissionStatus

pytestmark = pytest.mark.django_db

GENERATE = "/api/v1/ai/generate/"
QUOTA = "/api/v1/ai/quota/"


@pytest.fixture
def staff_client(staff):
    client = APIClient()
    client.force_authenticate(staff)
    return client


def _post(client, feature="explain_code", context=None):
    return client.post(
        GENERATE, {"feature": feature, "context": context or {"code": "x = 1"}}, format="json"
    )


def test_generate_returns_the_documented_shape(learner_client, ai_provider, settings):
    response = _post(learner_client)

    assert response.status_code == 200
    assert response.json() == {
        "content": "A generated answer.",
        "cached": False,
        "provider": "openai-compatible",
        "model": "test-model",
        "remaining_calls": settings.AI_LEARNER_CALLS_PER_HOUR - 1,
        "limit": settings.AI_LEARNER_CALLS_PER_HOUR,
    }
    assert {"no-store", "private"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }


def test_anonymous_requests_get_401(api_client, ai_provider):
    response = _post(api_client)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_learners_get_403_for_authoring_features(learner_client, ai_provider):
    response = _post(learner_client, "blog_introduction", {"title": "Decorators"})

    assert response.status_code == 403
    assert ai_provider.calls == 0


def test_staff_may_use_authoring_features_on_a_page(staff_client, ai_provider, blog_index):
    from tests.factories import BlogPageFactory

    post = BlogPageFactory(parent=blog_index, title="Python decorators explained")

    response = _post(staff_client, "blog_introduction", {"page_id": post.pk})

    assert response.status_code == 200
    assert "Python decorators explained" in ai_provider.requests[0]["messages"][-1]["content"]


@pytest.mark.parametrize(
    "body",
    [
        {"feature": "no_such_feature", "context": {"code": "x"}},
        {"feature": "explain_code"},
        {"feature": "explain_code", "context": {}},
        {"feature": "explain_code", "context": {"code": ["not", "text"]}},
        {"feature": "explain_code", "context": {"exercise_id": "one"}},
        {"feature": "explain_code", "context": {"code": "x" * 20_001}},
        {"feature": "explain_code", "context": {"page_id": 1}},
    ],
)
def test_invalid_requests_get_400_in_the_error_format(learner_client, ai_provider, body):
    response = learner_client.post(GENERATE, body, format="json")

    assert response.status_code == 400
    assert set(response.json()) == {"status", "code", "message", "fields"}
    assert ai_provider.calls == 0


def test_malformed_json_gets_400(learner_client):
    response = learner_client.post(GENERATE, "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_rate_limit_answers_429_with_retry_after(learner_client, ai_provider, settings):
    settings.AI_LEARNER_CALLS_PER_HOUR = 1
    _post(learner_client, context={"code": "x = 1"})

    response = _post(learner_client, context={"code": "x = 2"})

    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert 0 < int(response["Retry-After"]) <= 3601


@pytest.mark.parametrize(
    ("mode", "status", "code"),
    [
        ("500", 503, "ai_unavailable"),
        ("timeout", 504, "ai_timeout"),
        ("malformed", 503, "ai_unavailable"),
    ],
)
def test_provider_failures_leak_nothing(learner_client, ai_provider, caplog, mode, status, code):
    ai_provider.mode = mode

    response = _post(learner_client)

    assert response.status_code == status
    assert response.json()["code"] == code
    assert "Retry-After" in response
    body = response.content.decode()
    for leak in ("provider says no", "Traceback", "127.0.0.1", "not json", "openai"):
        assert leak not in body
    assert "provider says no" not in caplog.text


def test_spent_budget_answers_503(learner_client, ai_provider, settings):
    settings.AI_MONTHLY_BUDGET_USD = 0

    response = _post(learner_client)

    assert response.status_code == 503
    assert response.json()["code"] == "ai_budget_spent"
    assert int(response["Retry-After"]) > 0
    assert ai_provider.calls == 0


def test_quota_reports_the_allowance_and_the_features(learner_client, ai_provider, settings):
    _post(learner_client)

    body = learner_client.get(QUOTA).json()

    assert body["limit"] == settings.AI_LEARNER_CALLS_PER_HOUR
    assert body["remaining_calls"] == settings.AI_LEARNER_CALLS_PER_HOUR - 1
    assert body["offline"] is False
    assert {feature["name"] for feature in body["features"]} == {"explain_code", "hint"}


def test_quota_labels_the_offline_engine(learner_client, settings):
    settings.WAGTAIL_AI = {"PROVIDERS": {}}

    body = learner_client.get(QUOTA).json()

    assert (body["provider"], body["model"], body["offline"]) == (
        "offline",
        "offline-extractive",
        True,
    )


def test_cookie_sessions_need_a_csrf_token(learner, ai_provider):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(learner)

    response = _post(client)

    assert response.status_code == 403
    assert ai_provider.calls == 0


# -- hints --------------------------------------------------------------------------


@pytest.fixture
def failed_submission(learner, course, lessons):
    exercise = lessons[0].exercises.get()
    return Submission.objects.create(
        learner=learner,
        exercise=exercise,
        lesson=lessons[0],
        course=course,
        exercise_title=exercise.title,
        lesson_title=lessons[0].title,
        course_title=course.title,
        code="def answer():\n    return 41\n",
        status=SubmissionStatus.FAILED,
        score=0,
        results=[
            {
                "name": "works",
                "status": "failed",
                "hidden": False,
                "weight": 1,
                "message": "AssertionError: 41 != 42",
                "output": "",
                "duration_ms": 1,
            },
            {"name": "secret", "status": "failed", "hidden": True, "weight": 2},
        ],
    )


def test_hint_prompt_never_contains_the_solution_or_hidden_tests(
    learner_client, ai_provider, failed_submission
):
    response = _post(learner_client, "hint", {"submission_id": failed_submission.pk})

    assert response.status_code == 200
    prompt = str(ai_provider.requests[0]["messages"])
    assert "return 41" in prompt
    assert "41 != 42" in prompt
    assert "return 42" not in prompt
    assert "answer() - 42" not in prompt
    assert "secret" not in prompt


def test_hint_that_quotes_the_solution_is_withheld(learner_client, ai_provider, failed_submission):
    ai_provider.reply = "Try this:\ndef answer():\n    return 42"

    response = _post(learner_client, "hint", {"submission_id": failed_submission.pk})

    assert "return 42" not in response.json()["content"]


def test_hint_for_another_learners_submission_is_404(ai_provider, failed_submission, other_learner):
    client = APIClient()
    client.force_authenticate(other_learner)

    response = _post(client, "hint", {"submission_id": failed_submission.pk})

    assert response.status_code == 404
    assert ai_provider.calls == 0


def test_hint_needs_a_submission(learner_client, ai_provider):
    response = _post(learner_client, "hint", {"code": "x = 1"})

    assert response.status_code == 400
    assert "submission_id" in response.json()["fields"]
