"""Grading figures: sandbox overhead, end-to-end grading time, worker scaling.

Run through `make bench`, which sets up a production-like database first.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BACKEND = Path(__file__).resolve().parent.parent / "backend"
sys.path.insert(0, str(BACKEND))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
# Submissions go to the database queue, where the db_worker processes pick them up.
os.environ["TASKS_BACKEND"] = "database"

import django

django.setup()

from django.contrib.auth import get_user_model
from django.db import transaction

from courses.models import Exercise
from grading import sandbox
from grading.engine import grade
from grading.limits import Limits
from learning.models import FINAL_STATUSES, Submission
from learning.services import enrolment_create
from learning.submissions import submission_create

RUNS = 40
QUEUED = 50
ROUNDS = 3
TRIVIAL = [{"name": "ok", "code": "assert True", "hidden": False, "weight": 1}]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def sandbox_overhead() -> dict:
    """A trivial program graded with the whole process layout (the learner's sandbox and
    the evaluator's, side by side) against the same program run plainly."""
    python = sandbox.sandbox_python()
    plain = [
        timed(lambda: subprocess.run([python, "-I", "-S", "-c", "pass"], check=True))
        for _ in range(RUNS)
    ]
    one = [
        timed(
            lambda: sandbox.run(files={}, argv=[python, "-I", "-S", "-c", "pass"], limits=Limits())
        )
        for _ in range(RUNS)
    ]
    graded = [
        timed(lambda: grade(code="", test_cases=TRIVIAL, limits=Limits())) for _ in range(RUNS)
    ]
    return {
        "isolation": sandbox.active_isolation(),
        "plain_median_ms": round(statistics.median(plain), 1),
        "one_sandbox_median_ms": round(statistics.median(one), 1),
        "sandboxed_median_ms": round(statistics.median(graded), 1),
        "overhead_ms": round(statistics.median(graded) - statistics.median(plain), 1),
    }


def end_to_end() -> dict:
    times = [
        timed(lambda: grade(code="x = 1", test_cases=TRIVIAL, limits=Limits())) for _ in range(RUNS)
    ]
    return {
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
    }


def _learner_and_exercise():
    learner, _ = get_user_model().objects.get_or_create(
        username="bench-learner", defaults={"email": "bench@example.com"}
    )
    exercise = Exercise.objects.select_related("lesson").order_by("pk").first()
    enrolment_create(learner=learner, course=exercise.lesson.get_parent().specific)
    return learner, exercise


def _start_workers(count: int) -> list[subprocess.Popen]:
    env = dict(os.environ)
    command = [
        sys.executable, "manage.py", "db_worker",
        "--interval", "0.05", "--no-startup-delay", "--no-reload", "-v", "0",
    ]  # fmt: skip
    workers = [
        subprocess.Popen(command, cwd=BACKEND, env=env, stdout=subprocess.DEVNULL)
        for _ in range(count)
    ]
    time.sleep(4)  # let Django boot in every worker before the clock starts
    return workers


def _drain_batch(learner, exercise) -> tuple[float, int]:
    with transaction.atomic():
        ids = [
            submission_create(learner=learner, exercise=exercise, code=exercise.solution).pk
            for _ in range(QUEUED)
        ]
    # The clock starts when all of them are queued: this measures the workers.
    started = time.perf_counter()
    while Submission.objects.filter(pk__in=ids).exclude(status__in=FINAL_STATUSES).exists():
        time.sleep(0.1)
    elapsed = time.perf_counter() - started
    return elapsed, Submission.objects.filter(pk__in=ids, status="passed").count()


def throughput(workers_count: int) -> dict:
    """Median of ROUNDS batches of QUEUED submissions, drained by the same workers."""
    learner, exercise = _learner_and_exercise()
    Submission.objects.filter(learner=learner).delete()
    workers = _start_workers(workers_count)
    try:
        batches = [_drain_batch(learner, exercise) for _ in range(ROUNDS)]
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=10)
    seconds = statistics.median(elapsed for elapsed, _passed in batches)
    return {
        "workers": workers_count,
        "submissions": QUEUED,
        "rounds": ROUNDS,
        "passed": min(passed for _elapsed, passed in batches),
        "seconds": round(seconds, 2),
        "per_second": round(QUEUED / seconds, 2),
    }


FLOOD = 20


def fairness() -> dict:
    """One learner queues FLOOD submissions, then another learner submits once, with
    one worker: how many of the flood's runs went ahead of the other learner's."""
    flooder, exercise = _learner_and_exercise()
    other, _ = get_user_model().objects.get_or_create(
        username="bench-other-learner", defaults={"email": "bench-other@example.com"}
    )
    enrolment_create(learner=other, course=exercise.lesson.get_parent().specific)
    Submission.objects.filter(learner__in=[flooder, other]).delete()
    workers = _start_workers(1)
    try:
        with transaction.atomic():
            flood = [
                submission_create(learner=flooder, exercise=exercise, code=exercise.solution).pk
                for _ in range(FLOOD)
            ]
        theirs = submission_create(learner=other, exercise=exercise, code=exercise.solution)
        while (
            Submission.objects.filter(pk__in=[*flood, theirs.pk])
            .exclude(status__in=FINAL_STATUSES)
            .exists()
        ):
            time.sleep(0.1)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=10)
    theirs.refresh_from_db()
    ahead = Submission.objects.filter(
        pk__in=flood, started_at__lt=theirs.started_at, finished_at__gt=theirs.created_at
    ).count()
    runs = [
        (row.finished_at - row.started_at).total_seconds() * 1000
        for row in Submission.objects.filter(pk__in=flood)
    ]
    return {
        "flood": FLOOD,
        "workers": 1,
        "runs_ahead": ahead,
        "waited_ms": round((theirs.started_at - theirs.created_at).total_seconds() * 1000, 1),
        "run_median_ms": round(statistics.median(runs), 1),
    }


def main() -> dict:
    overhead = sandbox_overhead()
    e2e = end_to_end()
    fair = fairness()
    one = throughput(1)
    two = throughput(2)
    speedup = round(two["per_second"] / one["per_second"], 2)
    return {
        "sandbox": overhead,
        "end_to_end": e2e,
        "fairness": fair,
        "throughput": [one, two],
        "targets": [
            {
                "name": "sandbox overhead",
                "target": "<= 100 ms",
                "value": f"{overhead['overhead_ms']} ms",
                "met": overhead["overhead_ms"] <= 100,
            },
            {
                "name": f"runs of a {FLOOD}-submission flood ahead of another learner's",
                "target": "<= 1 per worker",
                "value": f"{fair['runs_ahead']} (1 worker)",
                "met": fair["runs_ahead"] <= fair["workers"],
            },
            {
                "name": "2 workers vs 1",
                "target": ">= 1.8x",
                "value": f"{speedup}x",
                "met": speedup >= 1.8,
            },
        ],
    }


if __name__ == "__main__":
    json.dump(main(), sys.stdout)
