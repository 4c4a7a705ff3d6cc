"""Redis stops mid-run and comes back: reads keep working from the database, and
the cache is used again once Redis returns. A private redis-server is started
and killed for real; the shared one is left alone."""

import os
import time

import pytest
from django.test import override_settings

from core import cache as resilient_cache
from tests.factories import BlogPageFactory
from tests.support.redis import REDIS_SERVER, PrivateRedis

LISTING = "/api/v2/pages/?type=blog.BlogPage"

pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None and not os.environ.get("CI"), reason="needs redis-server"
)


@pytest.fixture
def private_redis(monkeypatch):
    monkeypatch.setattr(resilient_cache, "RETRY_AFTER_SECONDS", 0.5)
    redis = PrivateRedis()
    redis.start()
    caches = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis.port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    with override_settings(CACHES=caches):
        yield redis
    redis.stop()


@pytest.mark.django_db
def test_reads_survive_redis_stopping_and_use_it_again_when_it_returns(
    api_client, blog_index, private_redis
):
    BlogPageFactory(parent=blog_index, title="Still readable")
    api_client.get(LISTING)
    assert api_client.get(LISTING)["X-Content-Cache"] == "hit"

    private_redis.stop()
    for _ in range(3):
        response = api_client.get(LISTING)
        assert response.status_code == 200
        assert response.json()["items"][0]["title"] == "Still readable"

    private_redis.start()
    time.sleep(0.6)
    api_client.get(LISTING)
    assert api_client.get(LISTING)["X-Content-Cache"] == "hit"
