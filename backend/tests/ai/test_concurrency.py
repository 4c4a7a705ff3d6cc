"""Concurrent generation against the real Redis and database: exact counts, no overspend."""

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.db.models import Sum

from ai import services
from ai.models import AIUsage
from ai.prompts import FEATURES, render_messages

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a database with concurrent writers"
    ),
]


def _race(count: int, function):
    barrier = threading.Barrier(count)

    def run(index):
        try:
            barrier.wait()
            return function(index)
        except Exception as exc:  # noqa: BLE001 - each outcome is counted by the test
            return exc
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_twenty_identical_requests_make_one_provider_call(learner, ai_provider):
    ai_provider.delay = 0.5

    results = _race(
        20,
        lambda _: services.generate(user=learner, feature_name="explain_code", given={"code": "x"}),
    )

    assert ai_provider.calls == 1
    assert all(isinstance(result, services.Generation) for result in results)
    assert sum(not result.cached for result in results) == 1
    assert {result.content for result in results} == {"A generated answer."}


def test_fifty_requests_against_a_limit_of_ten_allow_exactly_ten(learner, ai_provider, settings):
    settings.AI_LEARNER_CALLS_PER_HOUR = 10

    results = _race(
        50,
        lambda index: services.generate(
            user=learner, feature_name="explain_code", given={"code": f"x = {index}"}
        ),
    )

    allowed = [result for result in results if isinstance(result, services.Generation)]
    refused = [result for result in results if isinstance(result, services.AIRateLimitedError)]
    assert (len(allowed), len(refused)) == (10, 40)
    assert ai_provider.calls == 10
    assert services.quota(learner).remaining_calls == 0


def test_concurrent_calls_cannot_overrun_the_budget(staff, ai_provider, settings):
    ai_provider.delay = 0.3
    feature = FEATURES["explain_code"]
    reservation = services._upper_bound_micro_usd(
        feature, render_messages(feature, {"code": "x = 10"})
    )
    budget_micro = reservation * 5 + 20
    settings.AI_MONTHLY_BUDGET_USD = budget_micro / 1_000_000

    results = _race(
        20,
        lambda index: services.generate(
            user=staff, feature_name="explain_code", given={"code": f"x = {index + 10}"}
        ),
    )

    allowed = [result for result in results if isinstance(result, services.Generation)]
    refused = [result for result in results if isinstance(result, services.AIBudgetSpentError)]
    assert len(allowed) + len(refused) == 20
    assert len(allowed) >= 5
    assert ai_provider.calls == len(allowed)
    spent = AIUsage.objects.aggregate(total=Sum("cost_usd"))["total"]
    assert spent <= Decimal(budget_micro) / 1_000_000
