import os

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from core.cache import ResilientRedisCache

OPTIONS = {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}


@pytest.fixture
def unreachable():
    return ResilientRedisCache("redis://127.0.0.1:1/0", OPTIONS)


def test_an_unreachable_redis_reads_as_misses_and_drops_writes(unreachable):
    assert unreachable.get("key", "fallback") == "fallback"
    assert unreachable.get_many(["a", "b"]) == {}
    assert unreachable.set("key", "value") is None
    assert unreachable.add("key", "value") is False
    assert unreachable.delete("key") is False


def test_after_a_failure_redis_is_left_alone_for_a_while(unreachable, monkeypatch):
    unreachable.get("key")
    calls = []
    monkeypatch.setattr(
        "django.core.cache.backends.redis.RedisCache.get", lambda *args: calls.append(args)
    )

    assert unreachable.get("key", "fallback") == "fallback"
    assert calls == []


def test_counters_still_fail_loudly_so_that_limits_fail_closed(unreachable):
    with pytest.raises(RedisConnectionError):
        unreachable.incr("counter")


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_a_reachable_redis_behaves_like_django_redis_cache():
    cache = ResilientRedisCache(os.environ["REDIS_URL"], {})
    cache.set("core-cache-test", {"a": 1}, 5)

    assert cache.get("core-cache-test") == {"a": 1}
    assert cache.delete("core-cache-test") is True
