import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from blog.models import BlogPage
from courses.models import CoursePage, Exercise, LessonPage
from people.models import Author

BLOCK_TYPES = {"paragraph", "heading", "code", "image", "quote", "callout", "embed"}


@pytest.fixture
def loaded(db):
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def test_demo_has_a_dozen_posts_with_every_block_type(loaded):
    posts = BlogPage.objects.live()
    used_blocks = {block.block_type for post in posts for block in post.body}

    assert posts.count() >= 12
    assert used_blocks == BLOCK_TYPES
    assert all(post.hero_image_id for post in posts)
    assert Author.objects.count() >= 3


def test_loading_twice_creates_nothing_new(loaded):
    before = (BlogPage.objects.count(), Author.objects.count())

    output = io.StringIO()
    call_command("load_demo", stdout=output)

    assert (BlogPage.objects.count(), Author.objects.count()) == before
    assert "(0 created now)" in output.getvalue()


def test_demo_prints_the_admin_login_it_created(loaded):
    assert "Admin login: admin / codecampus-admin" in loaded
    assert get_user_model().objects.get(username="admin").check_password("codecampus-admin")


def test_demo_posts_are_served_by_the_api_with_resolved_links(loaded, client):
    response = client.get("/api/v2/pages/?type=blog.BlogPage&fields=*&limit=50")

    items = response.json()["items"]
    assert len(items) >= 12
    bodies = str([item["body"] for item in items])
    assert "linktype" not in bodies
    assert 'href="http://frontend.test/blog/your-first-python-program/"' in bodies


def test_demo_has_two_beginner_courses_with_graded_exercises(loaded):
    courses = CoursePage.objects.live()

    assert courses.count() >= 2
    for course in courses:
        assert course.difficulty == "beginner"
        assert LessonPage.objects.child_of(course).live().count() >= 5
    assert Exercise.objects.count() >= 8
    assert "2 courses" in loaded
