import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import BlogPageFactory


@pytest.mark.django_db
def test_a_page_whose_go_live_time_has_passed_is_published_by_the_scheduler(blog_index):
    page = BlogPageFactory(parent=blog_index, title="Scheduled", slug="scheduled", live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(minutes=5)
    revision = page.save_revision()
    revision.publish()  # with a future go-live time this only schedules it
    page.refresh_from_db()
    assert not page.live
    # The go-live time passes.
    past = timezone.now() - datetime.timedelta(seconds=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()

    call_command("scheduler", "--once")

    page.refresh_from_db()
    assert page.live
    listed = APIClient().get("/api/v2/pages/", {"type": "blog.BlogPage", "slug": "scheduled"})
    assert [item["title"] for item in listed.json()["items"]] == ["Scheduled"]
