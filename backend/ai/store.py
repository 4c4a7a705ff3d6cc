"""Shared state of the AI service: answer cache, single flight, call limits and budget.

Redis (``AI_REDIS_URL``, by default ``REDIS_URL``) in any real deployment, so
that every worker process sees the same counters; a process-local store
otherwise, for the embedded default. Counting happens inside one Lua script or
one lock, so concurrent requests cannot overshoot a limit. Every Redis failure
raises :class:`StoreUnavailableError`: the AI service then refuses to call the
provider, it never guesses that a limit still has room.
"""

import threading
import time
import uuid
from dataclasses import dataclass, field
from functools import cache

import redis
from django.conf import settings


class StoreUnavailableError(Exception):
    pass


@dataclass(frozen=True)
class CallGrant:
    allowed: bool
    # Which limit refused the call ("user" or "global"), when one did.
    refused_by: str = ""
    used: int = 0
    keys: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class BudgetHold:
    member: str
    amount: int


_RESERVE_CALLS = """
local window_ttl = tonumber(ARGV[3])
local global_used = tonumber(redis.call('GET', KEYS[2]) or '0')
if global_used >= tonumber(ARGV[2]) then return {0, 'global', global_used} end
local user_limit = tonumber(ARGV[1])
local user_used = 0
if user_limit >= 0 then
  user_used = tonumber(redis.call('GET', KEYS[1]) or '0')
  if user_used >= user_limit then return {0, 'user', user_used} end
  user_used = redis.call('INCR', KEYS[1])
  redis.call('EXPIRE', KEYS[1], window_ttl)
end
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], window_ttl)
return {1, '', user_used}
"""

_REFUND_CALLS = """
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
end
return 1
"""

_RESERVE_BUDGET = """
local now = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local held = 0
for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  held = held + tonumber(string.match(member, ':(%d+)$'))
end
local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
local amount = tonumber(ARGV[1])
if spent + held + amount > tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[2], tonumber(ARGV[4]), ARGV[5])
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[6]))
return 1
"""

_SETTLE_BUDGET = """
redis.call('ZREM', KEYS[2], ARGV[1])
if tonumber(ARGV[2]) > 0 then
  redis.call('INCRBY', KEYS[1], ARGV[2])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
end
return 1
"""

_RELEASE_FLIGHT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

MONTH_TTL_SECONDS = 40 * 24 * 3600


class RedisStore:
    def __init__(self, url: str, prefix: str):
        self.prefix = prefix
        self.client = redis.Redis.from_url(
            url, socket_timeout=2, socket_connect_timeout=2, decode_responses=True
        )
        self._reserve_calls = self.client.register_script(_RESERVE_CALLS)
        self._refund_calls = self.client.register_script(_REFUND_CALLS)
        self._reserve_budget = self.client.register_script(_RESERVE_BUDGET)
        self._settle_budget = self.client.register_script(_SETTLE_BUDGET)
        self._release_flight = self.client.register_script(_RELEASE_FLIGHT)

    def _run(self, operation, *args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except (redis.RedisError, OSError) as exc:
            raise StoreUnavailableError from exc

    def get(self, key: str) -> str | None:
        return self._run(self.client.get, self.prefix + key)

    def get_many(self, keys: list[str]) -> list[str | None]:
        return self._run(self.client.mget, [self.prefix + key for key in keys])

    def set(self, key: str, value: str, ttl: int) -> None:
        self._run(self.client.set, self.prefix + key, value, ex=max(ttl, 1))

    def add(self, key: str, value: str, ttl: int) -> bool:
        return bool(self._run(self.client.set, self.prefix + key, value, ex=max(ttl, 1), nx=True))

    def exists(self, key: str) -> bool:
        return bool(self._run(self.client.exists, self.prefix + key))

    def acquire_flight(self, key: str, ttl_seconds: float) -> str | None:
        token = uuid.uuid4().hex
        acquired = self._run(
            self.client.set, self.prefix + key, token, px=int(ttl_seconds * 1000), nx=True
        )
        return token if acquired else None

    def release_flight(self, key: str, token: str) -> None:
        self._run(self._release_flight, keys=[self.prefix + key], args=[token])

    def reserve_calls(
        self, *, user_key: str, user_limit: int | None, global_key: str, global_limit: int, ttl: int
    ) -> CallGrant:
        keys = [self.prefix + user_key, self.prefix + global_key]
        limit = -1 if user_limit is None else user_limit
        allowed, refused_by, used = self._run(
            self._reserve_calls, keys=keys, args=[limit, global_limit, ttl]
        )
        counted = tuple(keys if user_limit is not None else keys[1:])
        return CallGrant(bool(allowed), refused_by or "", int(used), counted if allowed else ())

    def refund_calls(self, grant: CallGrant) -> None:
        if grant.keys:
            self._run(self._refund_calls, keys=list(grant.keys), args=[])

    def count(self, key: str) -> int:
        return int(self.get(key) or 0)

    def reserve_budget(
        self, *, spent_key: str, holds_key: str, amount: int, limit: int, hold_seconds: float
    ) -> BudgetHold | None:
        now = time.time()
        member = f"{uuid.uuid4().hex}:{amount}"
        args = [amount, limit, now, now + hold_seconds, member, MONTH_TTL_SECONDS]
        keys = [self.prefix + spent_key, self.prefix + holds_key]
        reserved = self._run(self._reserve_budget, keys=keys, args=args)
        return BudgetHold(member, amount) if reserved else None

    def settle_budget(self, *, spent_key: str, holds_key: str, hold: BudgetHold, actual: int):
        keys = [self.prefix + spent_key, self.prefix + holds_key]
        self._run(self._settle_budget, keys=keys, args=[hold.member, actual, MONTH_TTL_SECONDS])


class MemoryStore:
    """The same operations for one process, guarded by one lock."""

    def __init__(self):
        self._lock = threading.Lock()
        self._values: dict[str, tuple[str, float]] = {}
        self._holds: dict[str, dict[str, tuple[int, float]]] = {}

    def _live(self, key: str) -> str | None:
        value = self._values.get(key)
        if value is None or value[1] < time.monotonic():
            self._values.pop(key, None)
            return None
        return value[0]

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._live(key)

    def get_many(self, keys: list[str]) -> list[str | None]:
        with self._lock:
            return [self._live(key) for key in keys]

    def set(self, key: str, value: str, ttl: int) -> None:
        with self._lock:
            self._values[key] = (value, time.monotonic() + ttl)

    def add(self, key: str, value: str, ttl: int) -> bool:
        with self._lock:
            if self._live(key) is not None:
                return False
            self._values[key] = (value, time.monotonic() + ttl)
            return True

    def exists(self, key: str) -> bool:
        return self.get(key) is not None

    def acquire_flight(self, key: str, ttl_seconds: float) -> str | None:
        token = uuid.uuid4().hex
        return token if self.add(key, token, ttl_seconds) else None

    def release_flight(self, key: str, token: str) -> None:
        with self._lock:
            if self._live(key) == token:
                del self._values[key]

    def _increment(self, key: str, ttl: int) -> int:
        used = int(self._live(key) or 0) + 1
        expires = self._values[key][1] if key in self._values else time.monotonic() + ttl
        self._values[key] = (str(used), expires)
        return used

    def reserve_calls(
        self, *, user_key: str, user_limit: int | None, global_key: str, global_limit: int, ttl: int
    ) -> CallGrant:
        with self._lock:
            global_used = int(self._live(global_key) or 0)
            if global_used >= global_limit:
                return CallGrant(False, "global", global_used)
            used = 0
            if user_limit is not None:
                used = int(self._live(user_key) or 0)
                if used >= user_limit:
                    return CallGrant(False, "user", used)
                used = self._increment(user_key, ttl)
            self._increment(global_key, ttl)
        keys = (user_key, global_key) if user_limit is not None else (global_key,)
        return CallGrant(True, "", used, keys)

    def refund_calls(self, grant: CallGrant) -> None:
        with self._lock:
            for key in grant.keys:
                used = int(self._live(key) or 0)
                if used > 0:
                    self._values[key] = (str(used - 1), self._values[key][1])

    def count(self, key: str) -> int:
        return int(self.get(key) or 0)

    def reserve_budget(
        self, *, spent_key: str, holds_key: str, amount: int, limit: int, hold_seconds: float
    ) -> BudgetHold | None:
        now = time.monotonic()
        with self._lock:
            holds = self._holds.setdefault(holds_key, {})
            for member, (_, expires) in list(holds.items()):
                if expires < now:
                    del holds[member]
            held = sum(held_amount for held_amount, _ in holds.values())
            spent = int(self._live(spent_key) or 0)
            if spent + held + amount > limit:
                return None
            member = uuid.uuid4().hex
            holds[member] = (amount, now + hold_seconds)
            return BudgetHold(member, amount)

    def settle_budget(self, *, spent_key: str, holds_key: str, hold: BudgetHold, actual: int):
        with self._lock:
            self._holds.get(holds_key, {}).pop(hold.member, None)
            spent = int(self._live(spent_key) or 0) + actual
            self._values[spent_key] = (str(spent), time.monotonic() + MONTH_TTL_SECONDS)


@cache
def _store_for(url: str, prefix: str) -> RedisStore | MemoryStore:
    return RedisStore(url, prefix) if url else MemoryStore()


def get_store() -> RedisStore | MemoryStore:
    return _store_for(settings.AI_REDIS_URL, settings.AI_KEY_PREFIX)


def clear(current: RedisStore | MemoryStore) -> None:
    """Forget every counter, answer and hold (tests and benchmarks start from zero)."""
    if isinstance(current, RedisStore):
        keys = list(current.client.scan_iter(match=f"{current.prefix}*", count=1000))
        if keys:
            current.client.delete(*keys)
    _store_for.cache_clear()
