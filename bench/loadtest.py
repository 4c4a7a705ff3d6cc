"""`make loadtest`: simulated readers, learners and editors against a production-like stack.

It starts gunicorn and a grading worker on PostgreSQL + Redis (production
settings, loopback only), then runs USERS simulated users for SECONDS:
readers browse the content and course APIs, learners sign up, enrol, complete
lessons and submit code, editors publish blog posts. Afterwards every
acknowledged write is looked up in the database and the database is checked
for writes nobody acknowledged. Any error or mismatch exits non-zero.

Usage: backend/.venv/bin/python bench/loadtest.py [--users 50] [--seconds 60]
(DATABASE_URL and REDIS_URL must point at a scratch database; `make loadtest` does it).
"""

import argparse
import json
import os
import random
import secrets
import statistics
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import stack

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
PORT = int(os.environ.get("LOADTEST_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "load-test-passphrase-" + secrets.token_hex(4)


@dataclass
class Record:
    latencies: dict = field(default_factory=lambda: defaultdict(list))
    errors: list = field(default_factory=list)
    enrolments: set = field(default_factory=set)
    completions: set = field(default_factory=set)
    submissions: set = field(default_factory=set)
    publishes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def timed(self, client: httpx.Client, role: str, method: str, url: str, ok: tuple, **kw):
        started = time.perf_counter()
        try:
            response = client.request(method, url, **kw)
        except httpx.HTTPError as exc:
            self.error(role, f"{method} {url}: {type(exc).__name__}")
            return None
        with self.lock:
            self.latencies[role].append(time.perf_counter() - started)
        if response.status_code not in ok:
            self.error(role, f"{method} {url}: {response.status_code}")
            return None
        return response

    def error(self, role: str, message: str) -> None:
        with self.lock:
            self.errors.append(f"{role}: {message}")


def reader(record: Record, catalogue: dict, stop: threading.Event) -> None:
    with httpx.Client(base_url=BASE, timeout=30) as client:
        while not stop.is_set():
            record.timed(
                client,
                "reader",
                "GET",
                "/api/v2/pages/",
                (200,),
                params={"type": "blog.BlogPage", "fields": "*", "limit": 20},
            )
            record.timed(
                client,
                "reader",
                "GET",
                f"/api/v2/pages/{random.choice(catalogue['posts'])}/",
                (200,),
            )
            record.timed(client, "reader", "GET", "/api/v1/courses/", (200,))
            record.timed(
                client,
                "reader",
                "GET",
                f"/api/v1/lessons/{random.choice(catalogue['lessons'])}/",
                (200,),
            )


def learner(number: int, record: Record, catalogue: dict, stop: threading.Event) -> None:
    with httpx.Client(base_url=BASE, timeout=60) as client:
        signup = record.timed(
            client,
            "learner",
            "POST",
            "/api/auth/app/v1/auth/signup",
            (200,),
            json={
                "email": f"load{number}-{secrets.token_hex(3)}@example.com",
                "password": PASSWORD,
            },
        )
        if signup is None:
            return
        client.headers["X-Session-Token"] = signup.json()["meta"]["session_token"]
        course = random.choice(catalogue["courses"])
        if record.timed(
            client, "learner", "PUT", f"/api/v1/courses/{course['id']}/enrolment/", (200, 201)
        ):
            with record.lock:
                record.enrolments.add((number, course["id"]))
        lessons = list(course["lessons"])
        next_submission = 0.0
        while not stop.is_set():
            lesson = random.choice(lessons)
            # A lesson with exercises is completed by passing them, one without by a PUT.
            if not lesson["exercises"] and record.timed(
                client, "learner", "PUT", f"/api/v1/lessons/{lesson['id']}/completion/", (200, 201)
            ):
                with record.lock:
                    record.completions.add((number, lesson["id"]))
            if lesson["exercises"] and time.monotonic() >= next_submission:
                # Learners submit every few seconds: under the per-learner throttle. Half of
                # the submissions are right (the reference solution), half wrong.
                next_submission = time.monotonic() + 3
                exercise = random.choice(lesson["exercises"])
                right = random.random() < 0.5
                response = record.timed(
                    client,
                    "learner",
                    "POST",
                    "/api/v1/submissions/",
                    (202,),
                    json={
                        "exercise": exercise,
                        "code": catalogue["solutions"][exercise] if right else WRONG_CODE,
                    },
                )
                if response is not None:
                    with record.lock:
                        record.submissions.add(response.json()["id"])
            record.timed(client, "learner", "GET", "/api/v1/progress/", (200,))
            time.sleep(0.2)


def editor(record: Record, catalogue: dict, stop: threading.Event) -> None:
    from django.db import close_old_connections

    from blog.models import BlogPage  # Django is set up by main()

    while not stop.is_set():
        started = time.perf_counter()
        try:
            page = BlogPage.objects.get(
                pk=random.choice(catalogue["posts"])
            ).get_latest_revision_as_object()
            page.introduction = f"Updated during the load test at {time.time():.3f}."
            page.save_revision().publish()
        except Exception as exc:  # noqa: BLE001 - any failure to publish is an error to report
            record.error("editor", f"publish: {type(exc).__name__}")
        else:
            with record.lock:
                record.latencies["editor"].append(time.perf_counter() - started)
                record.publishes += 1
        finally:
            close_old_connections()
        time.sleep(1)


WRONG_CODE = "def f():\n    return 1\n"


def catalogue_from_api() -> dict:
    with httpx.Client(base_url=BASE, timeout=30) as client:
        posts = client.get("/api/v2/pages/", params={"type": "blog.BlogPage", "limit": 50}).json()
        courses = []
        for course in client.get("/api/v1/courses/").json()["items"]:
            detail = client.get(f"/api/v1/courses/{course['id']}/").json()
            lessons = []
            for outline in detail["lessons"]:
                lesson = client.get(f"/api/v1/lessons/{outline['id']}/").json()
                lessons.append(
                    {"id": lesson["id"], "exercises": [e["id"] for e in lesson["exercises"]]}
                )
            courses.append({"id": course["id"], "lessons": lessons})
    from courses.models import Exercise  # Django is set up by main()

    return {
        "posts": [item["id"] for item in posts["items"]],
        "courses": courses,
        "lessons": [lesson["id"] for course in courses for lesson in course["lessons"]],
        # What a learner who solved the exercise would submit; the API never shows it.
        "solutions": dict(Exercise.objects.values_list("pk", "solution")),
    }


def verify(record: Record, started_at) -> list[str]:
    """Every acknowledged write is stored, and nothing unacknowledged is."""
    from learning.models import Enrolment, LessonCompletion, Submission

    problems = []
    stored_submissions = set(
        Submission.objects.filter(
            learner__email__startswith="load", created_at__gte=started_at
        ).values_list("pk", flat=True)
    )
    if stored_submissions != record.submissions:
        missing = len(record.submissions - stored_submissions)
        unacknowledged = len(stored_submissions - record.submissions)
        problems.append(
            f"submissions: {missing} acknowledged but missing, "
            f"{unacknowledged} stored but never acknowledged"
        )
    load_learners = Enrolment.objects.filter(
        learner__email__startswith="load", created_at__gte=started_at
    )
    if load_learners.count() != len(record.enrolments):
        problems.append(
            f"enrolments: {load_learners.count()} stored, {len(record.enrolments)} acknowledged"
        )
    stored = LessonCompletion.objects.filter(
        learner__email__startswith="load", completed_at__gte=started_at
    ).select_related("learner", "lesson")
    marked = [row for row in stored if not row.lesson.exercises.exists()]
    if len(marked) != len(record.completions):
        problems.append(
            f"completions: {len(marked)} stored, {len(record.completions)} acknowledged"
        )
    from learning.selectors import unpassed_exercise_ids

    unearned = [
        row.pk for row in stored if unpassed_exercise_ids(learner=row.learner, lesson=row.lesson)
    ]
    if unearned:
        problems.append(f"completions without a passed submission per exercise: {unearned}")
    return problems


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def run(users: int, seconds: float) -> dict:
    env = stack.production_like_env(PORT)
    stack.setup_django(env)
    from django.utils import timezone

    stack.manage(env, "migrate", "--noinput", "-v0")
    stack.manage(env, "load_demo")
    processes = stack.start(env, PORT, workers=3, grading_worker=True)
    try:
        catalogue = catalogue_from_api()
        started_at = timezone.now()
        record, stop = Record(), threading.Event()
        editors = max(1, users // 20)
        learners = max(1, users * 2 // 5)
        readers = max(1, users - editors - learners)
        threads = [
            threading.Thread(target=reader, args=(record, catalogue, stop)) for _ in range(readers)
        ]
        threads += [
            threading.Thread(target=learner, args=(n, record, catalogue, stop))
            for n in range(learners)
        ]
        threads += [
            threading.Thread(target=editor, args=(record, catalogue, stop)) for _ in range(editors)
        ]
        for thread in threads:
            thread.start()
        time.sleep(seconds)
        stop.set()
        for thread in threads:
            thread.join()
        problems = verify(record, started_at)
    finally:
        stack.stop(processes)
    everything = [value for values in record.latencies.values() for value in values]
    return {
        "users": {"readers": readers, "learners": learners, "editors": editors},
        "seconds": seconds,
        "requests": len(everything) - len(record.latencies["editor"]),
        "publishes": record.publishes,
        "acknowledged": {
            "enrolments": len(record.enrolments),
            "completions": len(record.completions),
            "submissions": len(record.submissions),
        },
        "errors": record.errors[:20],
        "error_count": len(record.errors),
        "verification_problems": problems,
        "p50_ms": round(statistics.median(everything) * 1000, 1) if everything else None,
        "p95_ms": round(percentile(everything, 0.95) * 1000, 1),
        "p95_ms_by_role": {
            role: round(percentile(values, 0.95) * 1000, 1)
            for role, values in record.latencies.items()
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--output", default=str(RESULTS / "loadtest.json"))
    args = parser.parse_args()
    report = run(args.users, args.seconds)
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    failed = report["error_count"] or report["verification_problems"]
    print("loadtest:", "FAILED" if failed else "passed", f"(p95 {report['p95_ms']} ms)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
