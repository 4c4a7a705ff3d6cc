import pytest
from django.core.cache import cache
from rest_framework.test import APIClient
from wagtail.models import Site

from ai import store as ai_store
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    CoursePageFactory,
    CoursesIndexPageFactory,
    HomePageFactory,
    ImageFactory,
    LessonPageFactory,
    UserFactory,
    tree_root,
)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_ai_store():
    """Each test starts with no AI counters, answers or budget holds (user ids repeat)."""
    ai_store.clear(ai_store.get_store())
    yield
    ai_store._store_for.cache_clear()


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def home(db):
    home = HomePageFactory(parent=tree_root(), title="Home", slug="codecampus")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


@pytest.fixture
def blog_index(home):
    return BlogIndexPageFactory(parent=home)


@pytest.fixture
def every_block(blog_index):
    """A post with one block of every type, and the image it shows."""
    image = ImageFactory(description="A teal rectangle")
    body = [
        {"type": "paragraph", "value": "<p>Some <b>bold</b> text.</p>"},
        {"type": "heading", "value": {"text": "Getting Started!", "level": "h3"}},
        {
            "type": "code",
            "value": {"language": "sql", "filename": "q.sql", "code": "SELECT 1;"},
        },
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": "Teal"}},
        {"type": "quote", "value": {"quote": "Simple is better.", "attribution": "Tim"}},
        {
            "type": "callout",
            "value": {"kind": "warning", "title": "Careful", "body": "<p>Hot.</p>"},
        },
        {"type": "embed", "value": {"url": "https://www.youtube.com/watch?v=x", "caption": "Talk"}},
    ]
    return BlogPageFactory(parent=blog_index, body=body), image


@pytest.fixture
def course(home):
    index = CoursesIndexPageFactory(parent=home)
    return CoursePageFactory(parent=index, title="Python 101", slug="python-101")


@pytest.fixture
def lessons(course):
    return [
        LessonPageFactory(parent=course, title=f"Lesson {number}", slug=f"lesson-{number}")
        for number in (1, 2, 3)
    ]


@pytest.fixture
def learner(db):
    return UserFactory()


@pytest.fixture
def other_learner(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def learner_client(learner):
    client = APIClient()
    client.force_authenticate(learner)
    return client
