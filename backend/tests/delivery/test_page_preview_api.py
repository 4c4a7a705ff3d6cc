import time

import pytest
from django.core import signing
from wagtail_headless_preview.models import PagePreview

from blog.models import BlogPage
from tests.factories import BlogPageFactory, make_exercise

PREVIEW = "/api/v2/page_preview/"


def _draft_of(page, **changes):
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision()
    return draft


def _preview(api_client, page, token, **params):
    return api_client.get(
        PREVIEW, {"content_type": page.get_content_type_str(), "token": token, **params}
    )


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(parent=blog_index, title="Published title", slug="post")


def test_preview_serves_the_unpublished_draft_like_a_page_detail(api_client, post):
    draft = _draft_of(post, title="Draft title", introduction="Draft intro")
    preview = draft.create_page_preview()

    response = _preview(api_client, draft, preview.token, in_preview_panel="true")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == post.pk
    assert body["title"] == "Draft title"
    assert body["introduction"] == "Draft intro"
    assert body["meta"]["type"] == "blog.BlogPage"
    assert body["meta"]["html_url"] == "http://frontend.test/blog/post/"
    assert api_client.get(f"/api/v2/pages/{post.pk}/").json()["title"] == "Published title"


def test_preview_is_never_cached_or_indexed(api_client, post):
    preview = post.create_page_preview()

    response = _preview(api_client, post, preview.token)

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_preview_of_a_page_never_saved_before(api_client, blog_index):
    page = BlogPage(title="Brand new", slug="brand-new", introduction="New intro")
    page.depth = blog_index.depth + 1
    page.path = page._get_children_path_interval(blog_index.path)[1]
    preview = page.create_page_preview()

    response = _preview(api_client, page, preview.token)

    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Brand new"


def test_expired_token_is_refused(api_client, post, monkeypatch, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 60
    issued_at = time.time() - 61
    monkeypatch.setattr(signing.time, "time", lambda: issued_at)
    preview = post.create_page_preview()
    monkeypatch.undo()

    response = _preview(api_client, post, preview.token)

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert "expired" in response.json()["message"]


def test_tampered_token_is_refused(api_client, post):
    preview = post.create_page_preview()
    PagePreview.objects.create(
        token=preview.token.replace(f"id={post.pk}", "id=999"),
        content_type=preview.content_type,
        content_json=preview.content_json,
    )

    response = _preview(api_client, post, preview.token.replace(f"id={post.pk}", "id=999"))

    assert response.status_code == 404


def test_token_is_valid_only_for_the_page_it_was_issued_for(api_client, post, blog_index):
    other = BlogPageFactory(parent=blog_index, slug="other")
    signed_for_other = BlogPage.get_preview_signer().sign(f"id={other.pk}")
    PagePreview.objects.create(
        token=signed_for_other,
        content_type=post.content_type,
        content_json=post.to_json(),
    )

    response = _preview(api_client, post, signed_for_other)

    assert response.status_code == 404


def test_token_does_not_open_a_page_of_another_type(api_client, post, course):
    preview = post.create_page_preview()

    response = api_client.get(
        PREVIEW, {"content_type": course.get_content_type_str(), "token": preview.token}
    )

    assert response.status_code == 404


@pytest.mark.parametrize("content_type", ["nope.nothing", "auth.user", "blog", ""])
def test_unknown_or_non_page_content_types_are_refused(api_client, post, content_type):
    preview = post.create_page_preview()

    response = api_client.get(PREVIEW, {"content_type": content_type, "token": preview.token})

    assert response.status_code in (400, 404)
    assert set(response.json()) >= {"status", "code", "message"}


def test_missing_parameters_give_a_validation_error(api_client, db):
    response = api_client.get(PREVIEW)

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert set(body["fields"]) == {"content_type", "token"}


def test_course_draft_preview(api_client, course):
    draft = _draft_of(course, summary="A better summary")
    preview = draft.create_page_preview()

    response = _preview(api_client, draft, preview.token)

    assert response.status_code == 200, response.content
    assert response.json()["summary"] == "A better summary"


@pytest.mark.django_db
def test_a_lesson_preview_lists_the_drafts_exercises_and_never_their_solutions(api_client, lessons):
    lesson = lessons[0]
    live_titles = [exercise.title for exercise in lesson.exercises.all()]
    draft = lesson.get_latest_revision_as_object()
    draft.exercises.add(make_exercise(title="Draft only", solution="def answer():\n    return 7\n"))
    draft.save_revision()

    response = _preview(api_client, draft, draft.create_page_preview().token)

    exercises = response.json()["exercises"]
    assert [exercise["title"] for exercise in exercises] == [*live_titles, "Draft only"]
    assert exercises[-1]["id"] is None
    assert "return 7" not in response.content.decode()
    live = api_client.get(f"/api/v2/pages/{lesson.pk}/").json()["exercises"]
    assert [exercise["title"] for exercise in live] == live_titles
