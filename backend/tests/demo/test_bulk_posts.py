import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from blog.models import BlogIndexPage, BlogPage

LISTING = "/api/v2/pages/?type=blog.BlogPage&fields=*&limit=50"


def _load_bulk_posts(count: int) -> str:
    output = io.StringIO()
    call_command("load_bulk_posts", "--count", str(count), stdout=output)
    return output.getvalue()


@pytest.fixture
def bulk(db):
    call_command("load_demo", stdout=io.StringIO())
    demo_posts = BlogPage.objects.count()
    return demo_posts, _load_bulk_posts(30)


def test_bulk_posts_top_the_blog_up_to_the_count(bulk):
    demo_posts, output = bulk

    assert BlogPage.objects.live().count() == 30
    assert f"30 posts ({30 - demo_posts} created now)" in output


def test_bulk_posts_leave_a_valid_page_tree(bulk):
    index = BlogIndexPage.objects.get()

    assert all(problems == [] for problems in Page.find_problems())
    assert index.numchild == index.get_children().count() == 30
    slugs = list(index.get_children().values_list("slug", flat=True))
    assert len(set(slugs)) == len(slugs)
    assert all(post.url_path == f"{index.url_path}{post.slug}/" for post in BlogPage.objects.all())


def test_loading_the_same_count_again_creates_nothing(bulk):
    assert "(0 created now)" in _load_bulk_posts(30)
    assert BlogPage.objects.count() == 30


def test_bulk_posts_are_served_by_the_api_like_the_posts_they_copy(bulk, client):
    items = client.get(LISTING).json()["items"]
    by_slug = {item["meta"]["slug"]: item for item in items}
    copy = BlogPage.objects.filter(title__endswith=")").order_by("pk").first()
    original = by_slug[copy.slug.rsplit("-", 1)[0]]

    assert len(items) == 30
    served = by_slug[copy.slug]
    for field in ("body", "authors", "categories", "tags", "hero_image", "introduction"):
        assert served[field] == original[field], field


def test_bulk_posts_are_searchable(bulk, client):
    copy = BlogPage.objects.filter(title__endswith=")").order_by("pk").last()
    words = copy.title.rsplit(" (", 1)[0]

    response = client.get("/api/v2/pages/", {"type": "blog.BlogPage", "search": words, "limit": 50})

    assert copy.pk in [item["id"] for item in response.json()["items"]]
