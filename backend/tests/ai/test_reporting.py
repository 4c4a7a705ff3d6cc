"""ai_cost_report and the admin's AI usage report read the ledger's real figures."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ai.admin_report import chart_bars
from ai.models import AIUsage, Outcome
from ai.selectors import cost_report
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _usage(user, feature, outcome, cost="0", tokens=(None, None)):
    return AIUsage.objects.create(
        user=user,
        feature=feature,
        prompt_version=1,
        provider="openai",
        model="gpt-4o-mini",
        prompt_tokens=tokens[0],
        completion_tokens=tokens[1],
        cost_usd=Decimal(cost),
        cached=outcome == Outcome.CACHED,
        outcome=outcome,
    )


@pytest.fixture
def ledger():
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    _usage(alice, "hint", Outcome.GENERATED, "0.000300", (1000, 250))
    _usage(alice, "hint", Outcome.CACHED)
    _usage(bob, "explain_code", Outcome.GENERATED, "0.000100", (400, 100))
    _usage(bob, "explain_code", Outcome.RATE_LIMITED)
    return alice, bob


def test_report_sums_calls_tokens_cost_and_hit_rate(ledger):
    report = cost_report()

    assert (report.requests, report.provider_calls, report.cache_hits) == (4, 2, 1)
    assert report.refused == 1
    assert (report.prompt_tokens, report.completion_tokens) == (1400, 350)
    assert report.cost_usd == Decimal("0.000400")
    assert report.hit_rate == pytest.approx(1 / 3)
    assert [row["feature"] for row in report.top_features] == ["hint", "explain_code"]
    assert [row["username"] for row in report.top_users] == ["alice", "bob"]


def test_command_prints_the_months_figures(ledger):
    out = StringIO()

    call_command("ai_cost_report", stdout=out)

    text = out.getvalue()
    assert "provider calls   2" in text
    assert "hit rate 33%" in text
    assert "$0.000400" in text
    assert "alice" in text


def test_command_rejects_a_malformed_month():
    with pytest.raises(CommandError):
        call_command("ai_cost_report", month="November")


def test_admin_report_shows_figures_and_a_chart(ledger, client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "pw-x9!")
    client.force_login(admin)

    response = client.get("/admin/reports/ai-usage/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html
    assert 'role="img"' in html
    assert "$0.000400" in html
    assert 'data-ai-report="provider_calls">2<' in html


def test_admin_report_is_for_superusers_and_report_viewers(ledger, client, staff):
    client.force_login(staff)

    assert client.get("/admin/reports/ai-usage/").status_code in (302, 403)


def test_chart_bars_scale_to_the_busiest_day():
    bars = chart_bars(
        [
            {"day": "2026-11-01", "requests": 5, "cost_usd": Decimal(0)},
            {"day": "2026-11-02", "requests": 10, "cost_usd": Decimal(0)},
        ]
    )

    assert bars[1]["height"] == 2 * bars[0]["height"]
    assert bars[1]["y"] < bars[0]["y"]
