import time

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from blog.models import BlogPageTag, Category
from courses.models import CoursePageTag
from delivery import cache
from learning.models import Enrolment
from people.models import Author
from tests.factories import BlogPageFactory

LISTING = "/api/v2/pages/?type=blog.BlogPage&fields=title"
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


def _titles(response):
    return [item["title"] for item in response.json()["items"]]


@pytest.fixture
def post(blog_index):
    return BlogPageFactory(parent=blog_index, title="First title", slug="post")


@pytest.mark.django_db
def test_second_read_is_served_from_the_cache_with_the_same_body(api_client, post):
    first = api_client.get(LISTING)
    second = api_client.get(LISTING)

    assert first["X-Content-Cache"] == "miss"
    assert second["X-Content-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == "public, max-age=0, s-maxage=1"


@pytest.mark.django_db
def test_publishing_a_change_is_served_at_once(api_client, post):
    api_client.get(LISTING)

    post.title = "Second title"
    post.save_revision().publish()

    response = api_client.get(LISTING)
    assert response["X-Content-Cache"] == "miss"
    assert _titles(response) == ["Second title"]


@pytest.mark.django_db
def test_saving_a_draft_does_not_change_what_is_served(api_client, post):
    api_client.get(LISTING)

    post.title = "Draft title"
    post.save_revision()

    assert _titles(api_client.get(LISTING)) == ["First title"]


@pytest.mark.django_db
def test_restricting_a_page_hides_it_from_cached_listings_at_once(api_client, post):
    assert _titles(api_client.get(LISTING)) == ["First title"]

    PageViewRestriction.objects.create(page=post, restriction_type="login")

    assert _titles(api_client.get(LISTING)) == []
    assert api_client.get(f"/api/v2/pages/{post.pk}/").status_code == 404


@pytest.mark.django_db
def test_unpublishing_removes_the_page_from_cached_detail(api_client, post):
    assert api_client.get(f"/api/v2/pages/{post.pk}/").status_code == 200

    post.unpublish()

    assert api_client.get(f"/api/v2/pages/{post.pk}/").status_code == 404


@pytest.mark.django_db
def test_nginx_keeps_a_response_only_to_the_end_of_the_second_it_was_made_in(api_client, post):
    before = int(time.time())
    fresh = api_client.get(LISTING)
    not_modified = api_client.get(LISTING, HTTP_IF_NONE_MATCH=fresh["ETag"])
    after = int(time.time())

    for response in (fresh, not_modified):
        assert response["X-Accel-Expires"].startswith("@")
        assert before <= int(response["X-Accel-Expires"][1:]) <= after


@pytest.mark.django_db
def test_a_matching_etag_gets_304_until_the_content_changes(api_client, post):
    etag = api_client.get(LISTING)["ETag"]

    not_modified = api_client.get(LISTING, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == etag
    assert not_modified.content == b""

    post.title = "Second title"
    post.save_revision().publish()
    assert api_client.get(LISTING, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.django_db
def test_errors_and_previews_are_never_cached(api_client, post):
    assert "X-Content-Cache" not in api_client.get("/api/v2/pages/999999/")
    preview = post.create_page_preview()
    response = api_client.get(
        "/api/v2/page_preview/",
        {"content_type": post.get_content_type_str(), "token": preview.token},
    )
    assert response.status_code == 200
    assert "X-Content-Cache" not in response


@pytest.mark.django_db
def test_reads_are_served_from_the_database_when_the_cache_is_down(api_client, post):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        first = api_client.get(LISTING)
        second = api_client.get(LISTING)

    assert first.status_code == second.status_code == 200
    assert _titles(second) == ["First title"]
    assert "X-Content-Cache" not in second or second["X-Content-Cache"] == "miss"


@pytest.mark.django_db
def test_the_cache_can_be_switched_off_for_benchmarks(api_client, post, settings):
    settings.CONTENT_API_CACHE = False

    api_client.get(LISTING)
    response = api_client.get(LISTING)

    assert response.status_code == 200
    assert "X-Content-Cache" not in response


def test_snippets_and_tags_of_the_page_apps_retire_cached_responses():
    shown = [Author, Category, BlogPageTag, CoursePageTag]

    assert all(cache._shows_in_content_api(model) for model in shown)
    assert not cache._shows_in_content_api(Enrolment)
