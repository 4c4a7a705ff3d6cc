"""Generation: cache, single flight, call limits, monthly budget, ledger and logs.

One request goes: permission → context → cache (free) → single flight (one
provider call for identical concurrent requests) → call limit and budget
reserved atomically → provider → budget settled with the measured cost, or
limit and budget refunded when the provider fails → ledger row and log line.
"""

import hashlib
import json
import logging
import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Sum
from pydantic import ValidationError as SchemaError
from wagtail_ai.agents.content_feedback import ContentFeedbackSchema

from ai import context as ai_context
from ai.models import AIUsage, Outcome
from ai.prompts import FEATURES, Audience, Feature, render_messages
from ai.providers import Completion, ProviderError, ProviderTimeoutError, active_provider
from ai.store import BudgetHold, CallGrant, StoreUnavailableError, get_store
from core.exceptions import (
    DomainError,
    NotAllowedError,
    RateLimitedError,
    UnavailableError,
    UpstreamTimeoutError,
)

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 3600
# How long a failed call's outcome is shared with requests that waited for it.
FAILURE_MEMORY_SECONDS = 2
POLL_SECONDS = 0.02
UNAVAILABLE_RETRY_SECONDS = 30
SAFE_HINT = (
    "Compare what each failing test expects with what your code returns, one test at a time."
)


class AIUnavailableError(UnavailableError):
    code = "ai_unavailable"
    message = "AI generation is temporarily unavailable. Try again shortly."

    def __init__(self):
        super().__init__(retry_after=UNAVAILABLE_RETRY_SECONDS)


class AITimeoutError(UpstreamTimeoutError):
    code = "ai_timeout"
    message = "The AI provider did not answer in time. Try again shortly."

    def __init__(self):
        super().__init__(retry_after=UNAVAILABLE_RETRY_SECONDS)


class AIBudgetSpentError(UnavailableError):
    code = "ai_budget_spent"
    message = "This month's AI budget is spent. AI generation resumes next month."

    def __init__(self, wait: int):
        super().__init__(retry_after=wait)


class AIRateLimitedError(RateLimitedError):
    def __init__(self, wait: int, refused_by: str):
        who = "everyone's" if refused_by == "global" else "your"
        super().__init__(
            f"You have used {who} AI calls for this hour. Try again in {wait} s.",
            retry_after=wait,
        )


@dataclass(frozen=True)
class Generation:
    content: str
    cached: bool
    provider: str
    model: str
    remaining_calls: int | None
    limit: int | None


@dataclass(frozen=True)
class Quota:
    limit: int | None
    remaining_calls: int | None
    resets_in_seconds: int


class _RefusalError(Exception):
    """Carries a refusal's ledger outcome to the one place that records it."""

    def __init__(self, outcome: str, error: DomainError):
        super().__init__(outcome)
        self.outcome = outcome
        self.error = error


# -- permissions, tiers and windows -------------------------------------------------


def features_for(user) -> list[Feature]:
    return [
        feature for feature in FEATURES.values() if feature.instruction and can_use(user, feature)
    ]


def can_use(user, feature: Feature) -> bool:
    if not user.is_authenticated:
        return False
    return feature.audience is Audience.LEARNER or user.is_staff


def tier_limit(user) -> int | None:
    """Provider calls per hour for ``user``; None for administrators."""
    if user.is_superuser:
        return None
    return settings.AI_STAFF_CALLS_PER_HOUR if user.is_staff else settings.AI_LEARNER_CALLS_PER_HOUR


def _window(now: float) -> tuple[int, int]:
    index = int(now // WINDOW_SECONDS)
    return index, int((index + 1) * WINDOW_SECONDS - now) + 1


def _user_key(user, window: int) -> str:
    return f"calls:user:{user.pk}:{window}"


def _global_key(window: int) -> str:
    return f"calls:global:{window}"


def quota(user) -> Quota:
    window, resets_in = _window(time.time())
    limit = tier_limit(user)
    if limit is None:
        return Quota(None, None, resets_in)
    try:
        used = get_store().count(_user_key(user, window))
    except StoreUnavailableError as exc:
        raise AIUnavailableError from exc
    return Quota(limit, max(limit - used, 0), resets_in)


# -- money ----------------------------------------------------------------------------


def _micro_usd(prompt_tokens: int, completion_tokens: int) -> int:
    return math.ceil(
        prompt_tokens * settings.AI_PRICE_INPUT_PER_MTOK
        + completion_tokens * settings.AI_PRICE_OUTPUT_PER_MTOK
    )


def _upper_bound_micro_usd(feature: Feature, messages: list[dict]) -> int:
    # A token is rarely shorter than three characters, so this over-reserves.
    prompt_tokens = math.ceil(sum(len(str(m["content"])) for m in messages) / 3) + 16
    return _micro_usd(prompt_tokens, feature.max_output_tokens)


def _month_keys(now: datetime) -> tuple[str, str]:
    month = now.strftime("%Y-%m")
    return f"budget:spent:{month}", f"budget:holds:{month}"


def _seconds_to_next_month(now: datetime) -> int:
    next_month = (now.replace(day=28) + timedelta(days=4)).replace(
        day=1, hour=0, minute=0, second=0, microsecond=0
    )
    return int((next_month - now).total_seconds()) + 1


def month_spent_in_ledger(now: datetime) -> Decimal:
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    total = AIUsage.objects.filter(created_at__gte=start).aggregate(total=Sum("cost_usd"))["total"]
    return total or Decimal(0)


def _reserve_budget(store, amount: int) -> BudgetHold:
    now = datetime.now(UTC)
    spent_key, holds_key = _month_keys(now)
    if not store.exists(spent_key):
        # After a Redis restart, the month's spending is rebuilt from the ledger.
        spent = int(month_spent_in_ledger(now) * 1_000_000)
        store.add(spent_key, str(spent), 40 * 24 * 3600)
    hold = store.reserve_budget(
        spent_key=spent_key,
        holds_key=holds_key,
        amount=amount,
        limit=int(settings.AI_MONTHLY_BUDGET_USD * 1_000_000),
        hold_seconds=settings.AI_TIMEOUT_SECONDS * 2 + 30,
    )
    if hold is None:
        raise _RefusalError(Outcome.OVER_BUDGET, AIBudgetSpentError(_seconds_to_next_month(now)))
    return hold


def _settle_budget(store, hold: BudgetHold, actual: int) -> None:
    spent_key, holds_key = _month_keys(datetime.now(UTC))
    store.settle_budget(spent_key=spent_key, holds_key=holds_key, hold=hold, actual=actual)


# -- generation -----------------------------------------------------------------------


@dataclass
class _Call:
    user: object
    feature: Feature
    context: dict
    messages: list[dict]
    provider: object
    key: str
    started: float
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    cost_micro: int = 0


def generate(*, user, feature_name: str, given: dict) -> Generation:
    feature = FEATURES[feature_name]
    if not can_use(user, feature):
        raise NotAllowedError("This AI feature is for editors only.")
    context = ai_context.collect(feature, user, given)
    return generate_from_context(user=user, feature=feature, context=context, given=given)


def generate_from_context(
    *, user, feature: Feature, context: dict, given: dict, messages: list[dict] | None = None
) -> Generation:
    """Generate from gathered ``context``; ``messages`` overrides the feature's own prompt."""
    provider = active_provider()
    messages = messages or render_messages(feature, context)
    key = _cache_key(feature, provider, messages)
    call = _Call(user, feature, context, messages, provider, key, time.monotonic())
    try:
        generation = _single_flight(call, given)
    except _RefusalError as refusal:
        _record(call, refusal.outcome, cached=False)
        raise refusal.error from None
    except StoreUnavailableError:
        _record(call, Outcome.UNAVAILABLE, cached=False)
        logger.error("ai.store_unavailable", extra={"feature": feature.name})
        raise AIUnavailableError from None
    _record(call, Outcome.CACHED if generation.cached else Outcome.GENERATED, generation.cached)
    return generation


def _cache_key(feature: Feature, provider, messages: list[dict]) -> str:
    material = json.dumps(
        [feature.name, feature.version, provider.name, provider.model, messages], sort_keys=True
    )
    return hashlib.sha256(material.encode()).hexdigest()


def _single_flight(call: _Call, given: dict) -> Generation:
    store = get_store()
    deadline = time.monotonic() + settings.AI_TIMEOUT_SECONDS + 10
    while True:
        if (answer := _cached_answer(store, call)) is not None:
            return answer
        token = store.acquire_flight(f"flight:{call.key}", settings.AI_TIMEOUT_SECONDS + 10)
        if token is not None:
            try:
                if (answer := _cached_answer(store, call)) is not None:
                    return answer
                return _call_provider(store, call, given)
            finally:
                store.release_flight(f"flight:{call.key}", token)
        if time.monotonic() > deadline:
            raise _RefusalError(Outcome.PROVIDER_TIMEOUT, AITimeoutError())
        time.sleep(POLL_SECONDS)


def _cached_answer(store, call: _Call) -> Generation | None:
    # One round trip: a recent failure, the answer, and the caller's calls this hour.
    window, _ = _window(time.time())
    failure, raw, used = store.get_many(
        [f"failed:{call.key}", f"answer:{call.key}", _user_key(call.user, window)]
    )
    if failure is not None:
        # The request we waited for failed just now; repeating it would fail the same way.
        raise _failure(failure)
    if raw is None:
        return None
    stored = json.loads(raw)
    remaining, limit = _remaining_after(call.user, used=int(used or 0))
    return Generation(
        stored["content"], True, call.provider.name, stored["model"], remaining, limit
    )


def _failure(outcome: str) -> _RefusalError:
    if outcome == Outcome.PROVIDER_TIMEOUT:
        return _RefusalError(Outcome.PROVIDER_TIMEOUT, AITimeoutError())
    return _RefusalError(Outcome.PROVIDER_ERROR, AIUnavailableError())


def _remaining_after(user, used: int) -> tuple[int | None, int | None]:
    limit = tier_limit(user)
    if limit is None:
        return None, None
    return max(limit - used, 0), limit


def _reserve_call(store, user) -> CallGrant:
    window, resets_in = _window(time.time())
    grant = store.reserve_calls(
        user_key=_user_key(user, window),
        user_limit=tier_limit(user),
        global_key=_global_key(window),
        global_limit=settings.AI_GLOBAL_CALLS_PER_HOUR,
        ttl=resets_in + 60,
    )
    if not grant.allowed:
        raise _RefusalError(Outcome.RATE_LIMITED, AIRateLimitedError(resets_in, grant.refused_by))
    return grant


def _call_provider(store, call: _Call, given: dict) -> Generation:
    grant = _reserve_call(store, call.user)
    hold = None
    try:
        if call.provider.priced:
            hold = _reserve_budget(store, _upper_bound_micro_usd(call.feature, call.messages))
        completion = call.provider.complete(call.feature, call.context, call.messages)
        content = _checked_content(call, completion, given)
    except (ProviderError, _RefusalError) as failure:
        store.refund_calls(grant)
        if hold is not None:
            _settle_budget(store, hold, 0)
        if isinstance(failure, _RefusalError):
            raise
        outcome = (
            Outcome.PROVIDER_TIMEOUT
            if isinstance(failure, ProviderTimeoutError)
            else Outcome.PROVIDER_ERROR
        )
        store.set(f"failed:{call.key}", outcome, FAILURE_MEMORY_SECONDS)
        logger.warning(
            "ai.provider_failed",
            extra={
                "feature": call.feature.name,
                "outcome": outcome,
                "error": type(failure.__cause__).__name__,
            },
        )
        raise _failure(outcome) from None
    _measure(call, completion, hold)
    if hold is not None:
        _settle_budget(store, hold, call.cost_micro)
    stored = json.dumps({"content": content, "model": completion.model})
    store.set(f"answer:{call.key}", stored, settings.AI_CACHE_TTL_SECONDS)
    remaining, limit = _remaining_after(call.user, used=grant.used)
    return Generation(content, False, call.provider.name, completion.model, remaining, limit)


def _measure(call: _Call, completion: Completion, hold: BudgetHold | None) -> None:
    call.prompt_tokens = completion.prompt_tokens
    call.completion_tokens = completion.completion_tokens
    if not call.provider.priced:
        call.cost_micro = 0
    elif completion.prompt_tokens is None or completion.completion_tokens is None:
        # No usage reported: charge what was reserved, the most it could have cost.
        logger.warning("ai.usage_missing", extra={"feature": call.feature.name})
        call.cost_micro = hold.amount if hold else 0
    else:
        call.cost_micro = _micro_usd(completion.prompt_tokens, completion.completion_tokens)


def _checked_content(call: _Call, completion: Completion, given: dict) -> str:
    content = completion.content
    if call.feature.name == "content_feedback":
        content = _feedback_json(content)
    if call.feature.name == "hint" and ai_context.reveals_solution(content, given):
        logger.warning("ai.hint_withheld", extra={"feature": call.feature.name})
        return SAFE_HINT
    return content


def _feedback_json(content: str) -> str:
    stripped = content.strip().removeprefix("```json").removeprefix("```").removesuffix("```")
    try:
        return ContentFeedbackSchema.model_validate_json(stripped).model_dump_json()
    except SchemaError as exc:
        raise ProviderError from exc


def feedback_data(content: str) -> dict:
    return json.loads(content)


def _record(call: _Call, outcome: str, cached: bool) -> None:
    latency_ms = int((time.monotonic() - call.started) * 1000)
    with transaction.atomic():
        if cached and connection.vendor == "postgresql":
            # A cache hit costs nothing: its row need not wait for the disk flush.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        _insert_usage(call, outcome, cached, latency_ms)
    logger.info(
        "ai.generate",
        extra={
            "feature": call.feature.name,
            "user_id": call.user.pk,
            "cached": cached,
            "latency_ms": latency_ms,
            "outcome": outcome,
            "provider": call.provider.name,
        },
    )


def _insert_usage(call: _Call, outcome: str, cached: bool, latency_ms: int) -> None:
    AIUsage.objects.create(
        user=call.user if call.user.is_authenticated else None,
        feature=call.feature.name,
        prompt_version=call.feature.version,
        provider=call.provider.name,
        model=call.provider.model,
        prompt_tokens=call.prompt_tokens,
        completion_tokens=call.completion_tokens,
        cost_usd=Decimal(call.cost_micro) / 1_000_000,
        cached=cached,
        latency_ms=latency_ms,
        outcome=outcome,
    )
