from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static

from ai.admin_report import AIUsageReportView, can_view_report


@hooks.register("register_admin_urls")
def register_ai_report_url():
    return [path("reports/ai-usage/", AIUsageReportView.as_view(), name="ai_usage_report")]


class _ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_ai_report_menu_item():
    return _ReportMenuItem("AI usage", reverse("ai_usage_report"), icon_name="wand", order=900)


@hooks.register("insert_editor_js")
def headless_content_for_ai():
    # wagtail-ai reads page content from the preview iframe, which here is the
    # Next.js frontend on another origin; this gives it the edit form's text instead.
    return format_html('<script src="{}"></script>', versioned_static("ai/headless_content.js"))
