"""wagtail-ai's admin endpoints, answered by the AI service with the offline engine."""

import json

import pytest
from django.test import Client
from wagtail_ai.agents.base import get_agent_settings

from ai.models import AIUsage

pytestmark = pytest.mark.django_db

BASIC_PROMPT = "/admin/ai/basic_prompt/"
FEEDBACK = "/admin/ai/content_feedback/"
TEXT = (
    "Decorators wrap a function in another function. They add behaviour without "
    "changing the wrapped code. Python applies them with the at sign."
)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "pw-x9!")


@pytest.fixture
def editor_client(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    client.get("/admin/")  # sets the CSRF cookie, as the admin page does
    return client


def _post(client, url, arguments, csrf=True):
    headers = {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value} if csrf else {}
    # As wagtail-ai's fetch() sends it: JSON without a JSON content type.
    body = json.dumps({"arguments": arguments})
    return client.post(url, body, content_type="text/plain;charset=UTF-8", **headers)


def test_page_title_prompt_is_answered_offline_and_recorded(editor_client, settings):
    settings.WAGTAIL_AI = {"PROVIDERS": {}}
    prompt = get_agent_settings().page_title_prompt

    response = _post(
        editor_client, BASIC_PROMPT, {"prompt": prompt, "context": {"content_text": TEXT}}
    )

    assert response.status_code == 200
    assert response.json() == {
        "status": "completed",
        "data": "Decorators wrap a function in another function",
    }
    usage = AIUsage.objects.get()
    assert (usage.feature, usage.provider) == ("page_title", "offline")


def test_page_description_goes_to_the_configured_provider(editor_client, ai_provider):
    prompt = get_agent_settings().page_description_prompt

    response = _post(
        editor_client, BASIC_PROMPT, {"prompt": prompt, "context": {"content_text": TEXT}}
    )

    assert response.json()["data"] == "A generated answer."
    assert ai_provider.calls == 1
    assert AIUsage.objects.get().feature == "page_description"


def test_content_feedback_returns_wagtail_ais_schema(editor_client, settings):
    settings.WAGTAIL_AI = {"PROVIDERS": {}}

    response = _post(
        editor_client, FEEDBACK, {"content_text": TEXT, "content_html": f"<p>{TEXT}</p>"}
    )

    data = response.json()["data"]
    assert data["quality_score"] in (1, 2, 3)
    assert 3 <= len(data["qualitative_feedback"]) <= 5
    assert data["specific_improvements"]


def test_garbage_feedback_from_the_provider_is_a_503(editor_client, ai_provider):
    ai_provider.reply = "Sure! Here is my feedback: it is great."

    response = _post(editor_client, FEEDBACK, {"content_text": TEXT})

    assert response.status_code == 503
    assert response.json()["code"] == "ai_unavailable"


def test_admin_ai_needs_the_csrf_token(editor_client):
    response = _post(editor_client, BASIC_PROMPT, {"prompt": "Hi"}, csrf=False)

    assert response.status_code == 403


def test_learners_cannot_use_admin_ai(learner):
    client = Client()
    client.force_login(learner)

    response = client.post(
        BASIC_PROMPT, json.dumps({"arguments": {"prompt": "Hi"}}), content_type="application/json"
    )

    assert response.status_code == 403
    assert AIUsage.objects.count() == 0


def test_features_we_do_not_offer_answer_404(editor_client):
    response = _post(editor_client, "/admin/ai/text_completion/", {"text": "x"})

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("prompt", ["Title for {0}", "Title for {page.title}", "Title {"])
def test_malformed_prompt_placeholders_get_400(editor_client, prompt):
    response = _post(editor_client, BASIC_PROMPT, {"prompt": prompt, "context": {}})

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert AIUsage.objects.count() == 0
