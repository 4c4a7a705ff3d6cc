"""The API docs and the admin load nothing from another host."""

import re

import pytest
from django.test import Client

# What makes the browser fetch: scripts, styles, icons, images and frames (not links).
OUTSIDE = re.compile(
    r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href|srcset)=["'](?:https?:)?//"""
    r"""(?!testserver|localhost|backend\.test)"""
)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_the_api_docs_pages_load_nothing_from_other_hosts(path):
    page = Client().get(path).content.decode()

    assert OUTSIDE.findall(page) == []
    assert "fonts.googleapis.com" not in page


@pytest.mark.django_db
def test_the_admin_asks_no_other_host_for_avatars_or_updates(staff, home):
    staff.is_superuser = True
    staff.save()
    client = Client()
    client.force_login(staff)

    page = client.get("/admin/").content.decode()

    assert "gravatar.com" not in page
    assert OUTSIDE.findall(page) == []
    assert "data-w-upgrade" not in page
