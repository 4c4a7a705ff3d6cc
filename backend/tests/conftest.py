import pytest
from django.core.cache import cache
from rest_framework.test import APIClient
from wagtail.models import Page, Site

from tests.factories import BlogIndexPageFactory, HomePageFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def home(db):
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Home", slug="codecampus")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def blog_index(home):
    return BlogIndexPageFactory(parent=home)
