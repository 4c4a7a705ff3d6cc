from django.conf import settings
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail_ai.panels import AIDescriptionFieldPanel, AITitleFieldPanel
from wagtail_headless_preview.models import HeadlessMixin

from delivery.urls import frontend_url_parts


class HeadlessPage(HeadlessMixin, Page):
    """A page that lives on the frontend: its URLs, "view live" included, point there."""

    # wagtail-ai's built-ins: suggest a title and a meta description from the content.
    content_panels = [AITitleFieldPanel("title")]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                AIDescriptionFieldPanel("search_description"),
            ],
            heading="For search engines",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="For site menus"),
    ]

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        url_parts = frontend_url_parts(self, request)
        if url_parts is None:
            return None
        site_id, path = url_parts
        return site_id, settings.FRONTEND_URL, path

    def get_url(self, request=None, current_site=None):
        # Wagtail would shorten this to a path on a single-site install, and a
        # path would resolve against the backend's host.
        return self.get_full_url(request=request)

    # Page.url is bound to Page.get_url; rebind it so templates get ours too.
    url = property(get_url)
