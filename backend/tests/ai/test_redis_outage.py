"""Redis stops mid-run: AI generation fails closed (503, no provider call, nothing
overspent) and works again when Redis returns, with the month's spending rebuilt
from the ledger. A private redis-server is killed for real."""

import pytest
from rest_framework.test import APIClient

from ai import store
from ai.models import AIUsage, Outcome
from tests.support.redis import REDIS_SERVER, PrivateRedis

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(REDIS_SERVER is None, reason="needs redis-server"),
]


@pytest.fixture
def ai_redis(settings):
    redis = PrivateRedis()
    redis.start()
    settings.AI_REDIS_URL = f"redis://127.0.0.1:{redis.port}/0"
    store._store_for.cache_clear()
    yield redis
    redis.stop()
    store._store_for.cache_clear()


def _explain(client, code):
    return client.post(
        "/api/v1/ai/generate/",
        {"feature": "explain_code", "context": {"code": code}},
        format="json",
    )


def test_ai_fails_closed_while_redis_is_down_and_recovers(ai_redis, ai_provider, learner):
    client = APIClient()
    client.force_authenticate(learner)
    assert _explain(client, "x = 1").status_code == 200

    ai_redis.stop()
    refused = _explain(client, "x = 2")
    quota = client.get("/api/v1/ai/quota/")

    assert refused.status_code == 503
    assert refused.json()["code"] == "ai_unavailable"
    assert "Retry-After" in refused
    assert quota.status_code == 503
    assert ai_provider.calls == 1
    assert AIUsage.objects.filter(outcome=Outcome.UNAVAILABLE).count() == 1

    ai_redis.start()
    assert _explain(client, "x = 3").status_code == 200
    assert ai_provider.calls == 2
    current = store.get_store()
    spent_key = next(current.client.scan_iter(match=f"{current.prefix}budget:spent:*"))
    # Rebuilt from the ledger after the restart, then charged for the new call.
    assert int(current.client.get(spent_key)) == 36 * 2
