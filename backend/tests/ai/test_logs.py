"""AI requests log an event per request, and never the API key or the whole prompt."""

import logging

import pytest

from ai import services
from ai.settings import wagtail_ai_settings
from core.logging import KeyValueFormatter

pytestmark = pytest.mark.django_db

API_KEY = "sk-test-secret-key-5521-never-logged"
CODE = "def the_learners_private_code():\n    return 'marker-7731'\n"


def test_ai_logs_events_but_not_the_key_or_the_prompt(caplog, settings, ai_provider, learner):
    settings.WAGTAIL_AI = wagtail_ai_settings(
        api_key=API_KEY, base_url=ai_provider.base_url, model="test-model", timeout=2.0
    )
    caplog.set_level(logging.DEBUG)

    services.generate(user=learner, feature_name="explain_code", given={"code": CODE})
    ai_provider.mode = "500"
    with pytest.raises(services.AIUnavailableError):
        services.generate(user=learner, feature_name="explain_code", given={"code": CODE + "#"})

    formatter = KeyValueFormatter()
    logged = "\n".join(formatter.format(record) for record in caplog.records)
    assert "event=ai.generate" in logged
    assert "event=ai.provider_failed" in logged
    assert f"user_id={learner.pk}" in logged
    assert API_KEY not in logged
    assert "marker-7731" not in logged
    assert "provider says no" not in logged
    assert ai_provider.requests[0]["messages"]  # the key did reach the provider, not the log
