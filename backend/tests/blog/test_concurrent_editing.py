"""Two editors on one page: Wagtail's concurrent-editing notice works in our admin,
and a save based on an outdated revision is refused instead of overwriting."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import BlogPageFactory, UserFactory


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(parent=blog_index, title="Shared post")


@pytest.fixture
def editors(db):
    return (
        UserFactory(username="ada", is_superuser=True, is_staff=True),
        UserFactory(username="grace", is_superuser=True, is_staff=True),
    )


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _ping(client, post, revision, session_id=0):
    url = reverse(
        "wagtailadmin_editing_sessions:ping", args=("blog", "blogpage", post.pk, session_id)
    )
    return client.post(
        url,
        {
            "revision_id": revision.pk,
            "revision_created_at": revision.created_at.isoformat(),
            "is_editing": "1",
        },
    )


def test_an_editor_is_told_when_someone_else_saved_a_newer_revision(post, editors):
    ada, grace = editors
    loaded = post.latest_revision
    ada_client = _signed_in(ada)
    first_ping = _ping(ada_client, post, loaded)
    assert first_ping.status_code == 200
    assert first_ping.json()["other_sessions"] == []

    post.title = "Grace's title"
    post.save_revision(user=grace)

    session_id = first_ping.json()["session_id"]
    others = _ping(ada_client, post, loaded, session_id).json()["other_sessions"]
    assert [(other["user"], bool(other["revision_id"])) for other in others] == [("grace", True)]


def test_a_save_based_on_an_outdated_revision_is_refused(post, editors):
    ada, grace = editors
    loaded = post.latest_revision
    post.title = "Grace's title"
    post.save_revision(user=grace)

    response = _signed_in(ada).post(
        reverse("wagtailadmin_pages:edit", args=(post.pk,)),
        {
            "title": "Ada's title",
            "loaded_revision_id": loaded.pk,
            "loaded_revision_created_at": loaded.created_at.isoformat(),
        },
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    post.refresh_from_db()
    assert post.get_latest_revision_as_object().title == "Grace's title"
