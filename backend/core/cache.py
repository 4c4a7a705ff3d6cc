"""The cache backend: Redis used as an accelerator that may go away.

When Redis is unreachable, reads miss and writes are dropped, so every page
and API response is still rendered from the database. After a failure the
backend leaves Redis alone for a few seconds, so requests do not each wait
for a connection timeout. Counters (``incr``/``decr``) are not softened:
code that counts for safety, like rate limits and budgets, must see the
failure and fail closed.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisError, OSError)
RETRY_AFTER_SECONDS = 5.0


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._resting_until = 0.0

    def _softly(self, fallback, method, *args):
        if time.monotonic() < self._resting_until:
            return fallback
        try:
            return method(self, *args)
        except UNAVAILABLE:
            self._resting_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning("cache.unavailable", extra={"operation": method.__name__})
            return fallback

    def get(self, key, default=None, version=None):
        return self._softly(default, RedisCache.get, key, default, version)

    def get_many(self, keys, version=None):
        return self._softly({}, RedisCache.get_many, keys, version)

    def has_key(self, key, version=None):
        return self._softly(False, RedisCache.has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._softly(None, RedisCache.set, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._softly(False, RedisCache.add, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._softly(False, RedisCache.touch, key, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._softly(list(data), RedisCache.set_many, data, timeout, version)

    def delete(self, key, version=None):
        return self._softly(False, RedisCache.delete, key, version)

    def delete_many(self, keys, version=None):
        return self._softly(None, RedisCache.delete_many, keys, version)
