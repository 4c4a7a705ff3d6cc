"""The AI usage report in the Wagtail admin: the month's figures and a daily chart."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ai.providers import active_provider
from ai.selectors import cost_report

CHART_WIDTH = 640
CHART_HEIGHT = 160


def can_view_report(user) -> bool:
    return user.is_superuser or user.has_perm("ai.view_aiusage")


def chart_bars(daily: list[dict]) -> list[dict]:
    """Bar geometry for the daily-requests chart, drawn as inline SVG (no scripts, no CDN)."""
    if not daily:
        return []
    tallest = max(row["requests"] for row in daily) or 1
    slot = CHART_WIDTH / len(daily)
    bars = []
    for index, row in enumerate(daily):
        height = round(row["requests"] / tallest * (CHART_HEIGHT - 20), 1)
        bars.append(
            {
                **row,
                "x": round(index * slot + slot * 0.1, 1),
                "width": round(slot * 0.8, 1),
                "height": height,
                "y": round(CHART_HEIGHT - height, 1),
            }
        )
    return bars


class AIUsageReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ai/usage_report.html"
    page_title = "AI usage"
    header_icon = "wand"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
        {"url": "", "label": "Reports"},
        {"url": "", "label": "AI usage"},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        month = self.request.GET.get("month", "")
        valid = len(month) == 7 and month[4] == "-" and month.replace("-", "").isdigit()
        report = cost_report(month if valid and 1 <= int(month[5:]) <= 12 else None)
        provider = active_provider()
        context.update(
            report=report,
            bars=chart_bars(report.daily),
            chart_width=CHART_WIDTH,
            chart_height=CHART_HEIGHT,
            provider=provider.name,
            model=provider.model,
        )
        return context
