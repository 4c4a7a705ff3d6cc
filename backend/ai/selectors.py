"""The month's AI usage, from the ledger: what the report command and admin report show."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate

from ai.models import AIUsage, Outcome


@dataclass(frozen=True)
class CostReport:
    month: str
    requests: int
    provider_calls: int
    cache_hits: int
    refused: int
    failed: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: Decimal
    top_features: list[dict]
    top_users: list[dict]
    daily: list[dict]

    @property
    def hit_rate(self) -> float:
        answered = self.provider_calls + self.cache_hits
        return self.cache_hits / answered if answered else 0.0


def month_start(month: str | None = None) -> datetime:
    if month:
        year, number = (int(part) for part in month.split("-"))
        return datetime(year, number, 1, tzinfo=UTC)
    return datetime.now(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _next_month(start: datetime) -> datetime:
    return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)


def cost_report(month: str | None = None, top: int = 5) -> CostReport:
    start = month_start(month)
    rows = AIUsage.objects.filter(created_at__gte=start, created_at__lt=_next_month(start))
    totals = rows.aggregate(
        requests=Count("id"),
        provider_calls=Count("id", filter=Q(outcome=Outcome.GENERATED)),
        cache_hits=Count("id", filter=Q(outcome=Outcome.CACHED)),
        refused=Count(
            "id",
            filter=Q(outcome__in=[Outcome.RATE_LIMITED, Outcome.OVER_BUDGET, Outcome.UNAVAILABLE]),
        ),
        failed=Count(
            "id", filter=Q(outcome__in=[Outcome.PROVIDER_ERROR, Outcome.PROVIDER_TIMEOUT])
        ),
        prompt_tokens=Sum("prompt_tokens"),
        completion_tokens=Sum("completion_tokens"),
        cost_usd=Sum("cost_usd"),
    )
    by_feature = (
        rows.values("feature")
        .annotate(requests=Count("id"), cost_usd=Sum("cost_usd"))
        .order_by("-cost_usd", "-requests", "feature")[:top]
    )
    return CostReport(
        month=start.strftime("%Y-%m"),
        requests=totals["requests"],
        provider_calls=totals["provider_calls"],
        cache_hits=totals["cache_hits"],
        refused=totals["refused"],
        failed=totals["failed"],
        prompt_tokens=totals["prompt_tokens"] or 0,
        completion_tokens=totals["completion_tokens"] or 0,
        cost_usd=totals["cost_usd"] or Decimal(0),
        top_features=list(by_feature),
        top_users=_top_users(rows, top),
        daily=_daily(rows),
    )


def _top_users(rows, top: int) -> list[dict]:
    ranked = list(
        rows.filter(user__isnull=False)
        .values("user")
        .annotate(requests=Count("id"), cost_usd=Sum("cost_usd"))
        .order_by("-cost_usd", "-requests", "user")[:top]
    )
    names = dict(
        get_user_model()
        .objects.filter(pk__in=[row["user"] for row in ranked])
        .values_list("pk", "username")
    )
    return [{**row, "username": names.get(row["user"], "")} for row in ranked]


def _daily(rows) -> list[dict]:
    days = (
        rows.annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(requests=Count("id"), cost_usd=Sum("cost_usd"))
        .order_by("day")
    )
    return [
        {
            "day": row["day"].isoformat() if isinstance(row["day"], date) else str(row["day"]),
            "requests": row["requests"],
            "cost_usd": row["cost_usd"] or Decimal(0),
        }
        for row in days
    ]
