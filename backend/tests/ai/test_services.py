"""The AI service against the loopback provider: cache, limits, refunds, budget, ledger."""

from decimal import Decimal

import pytest

from ai import services
from ai.models import AIUsage, Outcome
from ai.prompts import FEATURES, render_messages
from core.exceptions import NotAllowedError
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EXPLAIN = {"code": "def add(a, b):\n    return a + b\n"}


def generate(user, given=EXPLAIN, feature="explain_code"):
    return services.generate(user=user, feature_name=feature, given=dict(given))


def test_first_request_calls_the_provider_and_records_measured_cost(learner, ai_provider):
    generation = generate(learner)

    assert generation.content == "A generated answer."
    assert generation.cached is False
    assert generation.provider == "openai-compatible"
    assert ai_provider.calls == 1
    usage = AIUsage.objects.get()
    assert (usage.prompt_tokens, usage.completion_tokens) == (120, 30)
    # 120 tokens at $0.15 plus 30 at $0.60 per million.
    assert usage.cost_usd == Decimal("0.000036")
    assert usage.outcome == Outcome.GENERATED


def test_identical_request_is_served_from_cache_for_free(learner, ai_provider, settings):
    first = generate(learner)
    second = generate(learner)

    assert ai_provider.calls == 1
    assert second.cached is True
    assert second.content == first.content
    assert second.remaining_calls == first.remaining_calls == settings.AI_LEARNER_CALLS_PER_HOUR - 1
    cached = AIUsage.objects.get(cached=True)
    assert cached.cost_usd == 0
    assert cached.outcome == Outcome.CACHED


def test_prompt_carries_the_feature_instruction_and_only_declared_inputs(learner, ai_provider):
    generate(learner, {**EXPLAIN, "topic": "not an input of explain_code"})

    sent = ai_provider.requests[0]["messages"][-1]["content"]
    assert "Explain, step by step" in sent
    assert "def add(a, b)" in sent
    assert "not an input" not in sent


@pytest.mark.parametrize(
    ("mode", "error", "outcome"),
    [
        ("500", services.AIUnavailableError, Outcome.PROVIDER_ERROR),
        ("429", services.AIUnavailableError, Outcome.PROVIDER_ERROR),
        ("malformed", services.AIUnavailableError, Outcome.PROVIDER_ERROR),
        ("empty", services.AIUnavailableError, Outcome.PROVIDER_ERROR),
        ("timeout", services.AITimeoutError, Outcome.PROVIDER_TIMEOUT),
    ],
)
def test_provider_failure_refunds_the_call_and_caches_nothing(
    learner, ai_provider, settings, mode, error, outcome
):
    ai_provider.mode = mode

    with pytest.raises(error):
        generate(learner)

    assert services.quota(learner).remaining_calls == settings.AI_LEARNER_CALLS_PER_HOUR
    assert AIUsage.objects.get().outcome == outcome
    ai_provider.mode = "ok"
    with pytest.raises(error):
        generate(learner)  # within FAILURE_MEMORY_SECONDS: answered without a new call
    assert ai_provider.calls == 1


def test_missing_usage_charges_the_reserved_maximum(learner, ai_provider):
    ai_provider.mode = "no_usage"

    generate(learner)

    usage = AIUsage.objects.get()
    assert usage.prompt_tokens is None
    assert usage.cost_usd > Decimal("0.000036")


def test_learner_limit_refuses_with_retry_after(ai_provider, settings):
    settings.AI_LEARNER_CALLS_PER_HOUR = 2
    learner = UserFactory()
    generate(learner, {"code": "x = 1"})
    generate(learner, {"code": "x = 2"})

    with pytest.raises(services.AIRateLimitedError) as refused:
        generate(learner, {"code": "x = 3"})

    assert 0 < refused.value.retry_after <= 3601
    assert ai_provider.calls == 2
    assert AIUsage.objects.filter(outcome=Outcome.RATE_LIMITED).count() == 1


def test_cache_hits_do_not_count_against_the_limit(ai_provider, settings):
    settings.AI_LEARNER_CALLS_PER_HOUR = 1
    learner = UserFactory()
    generate(learner)

    for _ in range(3):
        assert generate(learner).cached is True


def test_global_limit_applies_to_everyone(ai_provider, settings):
    settings.AI_GLOBAL_CALLS_PER_HOUR = 1
    admin = UserFactory(is_staff=True, is_superuser=True)
    generate(admin, {"code": "x = 1"})

    with pytest.raises(services.AIRateLimitedError):
        generate(admin, {"code": "x = 2"})


def test_administrators_have_no_tier_limit(ai_provider, settings):
    settings.AI_STAFF_CALLS_PER_HOUR = 0
    admin = UserFactory(is_staff=True, is_superuser=True)

    generation = generate(admin)

    assert (generation.limit, generation.remaining_calls) == (None, None)


def test_spent_budget_refuses_with_503_and_refunds_the_call(learner, ai_provider, settings):
    feature = FEATURES["explain_code"]
    reservation = services._upper_bound_micro_usd(
        feature, render_messages(feature, {"code": "x = 1"})
    )
    # Room for one call's reservation, and not for a second one on top of its real cost.
    settings.AI_MONTHLY_BUDGET_USD = (reservation + 10) / 1_000_000
    generate(learner, {"code": "x = 1"})

    with pytest.raises(services.AIBudgetSpentError) as refused:
        generate(learner, {"code": "x = 2"})

    assert refused.value.retry_after > 0
    assert ai_provider.calls == 1
    assert services.quota(learner).remaining_calls == settings.AI_LEARNER_CALLS_PER_HOUR - 1
    assert AIUsage.objects.filter(outcome=Outcome.OVER_BUDGET).count() == 1


def test_authoring_features_are_for_staff(learner, ai_provider):
    with pytest.raises(NotAllowedError):
        generate(learner, {"text": "Some section."}, feature="improve_section")
    assert ai_provider.calls == 0


def test_offline_engine_answers_without_a_provider(learner, settings):
    settings.WAGTAIL_AI = {"PROVIDERS": {}}

    generation = generate(learner)

    assert generation.provider == "offline"
    assert generation.model == "offline-extractive"
    assert "defines the function add" in generation.content
    assert AIUsage.objects.get().cost_usd == 0
