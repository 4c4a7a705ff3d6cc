from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField

from delivery.pages import HeadlessPage


class HomePage(HeadlessPage):
    introduction = models.TextField(blank=True, max_length=500)

    content_panels = HeadlessPage.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
