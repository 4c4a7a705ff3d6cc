"""AI figures: cache-hit latency inside the server, single flight, rate-limit exactness.

Runs the real AI service on PostgreSQL + Redis (set by `make bench`) against the
loopback OpenAI-compatible server the tests use, so the real any-llm/openai
client code runs and no paid provider is called.
"""

import json
import os
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BACKEND = Path(__file__).resolve().parent.parent / "backend"
sys.path.insert(0, str(BACKEND))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections
from django.test import Client
from django.test.utils import override_settings

from ai import services, store
from ai.settings import wagtail_ai_settings
from tests.support.llm_server import LLMServer

HITS = 300
IDENTICAL = 20
CONCURRENT = 50
LIMIT = 10


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _race(count: int, function) -> list:
    barrier = threading.Barrier(count)

    def run(index):
        try:
            barrier.wait()
            return function(index)
        except Exception as exc:  # noqa: BLE001 - outcomes are counted
            return exc
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def _user(name: str, **flags):
    user, _ = get_user_model().objects.get_or_create(username=name, defaults=flags)
    return user


def _clear_ai_keys() -> None:
    store._store_for.cache_clear()
    store.clear(store.get_store())


def cache_hits(server: LLMServer) -> dict:
    learner = _user("bench-ai-learner")
    given = {"code": "def add(a, b):\n    return a + b\n"}
    services.generate(user=learner, feature_name="explain_code", given=given)
    in_service = []
    for _ in range(HITS):
        started = time.perf_counter()
        generation = services.generate(user=learner, feature_name="explain_code", given=given)
        in_service.append((time.perf_counter() - started) * 1000)
        assert generation.cached
    client = Client(HTTP_HOST="localhost")
    client.force_login(learner)
    body = json.dumps({"feature": "explain_code", "context": given})
    through_django = []
    for _ in range(HITS):
        started = time.perf_counter()
        response = client.post("/api/v1/ai/generate/", body, content_type="application/json")
        through_django.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content
    return {
        "requests": HITS,
        "service_median_ms": round(statistics.median(in_service), 2),
        "service_p99_ms": round(percentile(in_service, 0.99), 2),
        "request_median_ms": round(statistics.median(through_django), 2),
        "request_p99_ms": round(percentile(through_django, 0.99), 2),
        "provider_calls": server.calls,
    }


def single_flight(server: LLMServer) -> dict:
    learner = _user("bench-ai-flight")
    server.delay = 0.3
    before = server.calls
    given = {"code": f"print({time.time_ns()})"}
    results = _race(
        IDENTICAL,
        lambda _: services.generate(user=learner, feature_name="explain_code", given=given),
    )
    server.delay = 0.0
    return {
        "requests": IDENTICAL,
        "provider_calls": server.calls - before,
        "answered": sum(isinstance(result, services.Generation) for result in results),
    }


def rate_limit(server: LLMServer) -> dict:
    learner = _user("bench-ai-limited")
    before = server.calls
    with override_settings(AI_LEARNER_CALLS_PER_HOUR=LIMIT):
        results = _race(
            CONCURRENT,
            lambda index: services.generate(
                user=learner, feature_name="explain_code", given={"code": f"x = {index}"}
            ),
        )
    return {
        "requests": CONCURRENT,
        "limit": LIMIT,
        "allowed": sum(isinstance(result, services.Generation) for result in results),
        "refused_429": sum(isinstance(result, services.AIRateLimited) for result in results),
        "provider_calls": server.calls - before,
    }


def main() -> dict:
    server = LLMServer().start()
    overrides = {
        "AI_BASE_URL": server.base_url,
        "AI_MODEL": "bench-model",
        "WAGTAIL_AI": wagtail_ai_settings(
            api_key="", base_url=server.base_url, model="bench-model", timeout=10.0
        ),
        "AI_MONTHLY_BUDGET_USD": 1000.0,
    }
    try:
        with override_settings(**overrides):
            _clear_ai_keys()
            hits = cache_hits(server)
            flight = single_flight(server)
            limited = rate_limit(server)
    finally:
        server.stop()
    return {
        "store": "redis" if settings.AI_REDIS_URL else "memory",
        "cache_hits": hits,
        "single_flight": flight,
        "rate_limit": limited,
        "targets": [
            {
                "name": "cache-hit latency (median, in the server)",
                "target": "<= 10 ms",
                "value": f"{hits['request_median_ms']} ms",
                "met": hits["request_median_ms"] <= 10,
            },
            {
                "name": "single flight",
                "target": f"{IDENTICAL} identical requests -> 1 provider call",
                "value": f"{flight['provider_calls']} call(s)",
                "met": flight["provider_calls"] == 1 and flight["answered"] == IDENTICAL,
            },
            {
                "name": "rate-limit exactness",
                "target": f"{CONCURRENT} requests vs limit {LIMIT} -> exactly {LIMIT} allowed",
                "value": f"{limited['allowed']} allowed",
                "met": limited["allowed"] == LIMIT and limited["provider_calls"] == LIMIT,
            },
        ],
    }


if __name__ == "__main__":
    json.dump(main(), sys.stdout)
