"""Grade code against tests in the sandbox, and turn what comes back into a result."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from core.text import storable_text
from grading import sandbox
from grading.limits import Limits

RUNNER_SOURCE = (Path(__file__).parent / "runner.py").read_text(encoding="utf-8")


@dataclass(frozen=True)
class TestResult:
    name: str
    status: str  # passed, failed or error
    hidden: bool
    weight: int
    message: str = ""
    output: str = ""
    duration_ms: int = 0

    def as_learner_sees_it(self) -> dict:
        """A hidden test shows only its name, status and weight."""
        shown = {
            "name": self.name,
            "status": self.status,
            "hidden": self.hidden,
            "weight": self.weight,
        }
        if self.hidden:
            return shown
        return {
            **shown,
            "message": self.message,
            "output": self.output,
            "duration_ms": self.duration_ms,
        }


@dataclass(frozen=True)
class GradeResult:
    status: str  # passed, failed, error, timeout or memory
    score: int
    message: str = ""
    tests: list[TestResult] = field(default_factory=list)
    duration_ms: int = 0


def _score(tests: list[TestResult]) -> int:
    total = sum(test.weight for test in tests)
    earned = sum(test.weight for test in tests if test.status == "passed")
    return round(100 * earned / total) if total else 0


def _unfinished(result: sandbox.SandboxResult) -> GradeResult | None:
    """A grade for a run that never produced results, or None if it did."""
    if result.timed_out:
        return GradeResult("timeout", 0, "Your code took too long and was stopped.")
    if result.output_exceeded:
        return GradeResult("error", 0, "Your code printed too much output and was stopped.")
    if "MemoryError" in result.stderr:
        return GradeResult("memory", 0, "Your code ran out of memory.")
    # The CPU rlimit sends SIGXCPU, then SIGKILL at its hard limit; our own kills
    # (wall clock, output) were handled above.
    if result.signal_name in {"SIGXCPU", "SIGKILL"}:
        return GradeResult("timeout", 0, "Your code used too much CPU time and was stopped.")
    if result.signal_name:
        return GradeResult("error", 0, f"Your code crashed ({result.signal_name}).")
    return None


def _parse(stdout: str) -> dict | None:
    lines = stdout.strip().splitlines()
    try:
        document = json.loads(lines[-1]) if lines else None
    except ValueError:
        return None
    return document if isinstance(document, dict) else None


def _tests_from(document: dict, cases: list[dict]) -> list[TestResult]:
    reported = {
        item.get("name"): item for item in document.get("tests", []) if isinstance(item, dict)
    }
    results = []
    for case in cases:
        item = reported.get(case["name"], {})
        status = item.get("status")
        if status not in {"passed", "failed", "error"}:
            status = "error"
        results.append(
            TestResult(
                name=case["name"],
                status=status,
                hidden=bool(case.get("hidden")),
                weight=int(case.get("weight") or 1),
                message=storable_text(str(item.get("message", "Not run.")))[:500],
                output=storable_text(str(item.get("output", "")))[:2000],
                duration_ms=int(item.get("duration_ms", 0) or 0),
            )
        )
    return results


def grade(*, code: str, test_cases: list[dict], limits: Limits) -> GradeResult:
    """Run ``code`` and then each of ``test_cases`` (``name``, ``code``, ``hidden``,
    ``weight``) in a fresh sandbox. The score is the weighted share of passed tests."""
    payload = {
        "code": code,
        "tests": [{"name": case["name"], "code": case["code"]} for case in test_cases],
    }
    result = sandbox.run(
        files={"runner.py": RUNNER_SOURCE, "input.json": json.dumps(payload)},
        argv=[sandbox.sandbox_python(), "-I", "-S", "/input/runner.py", "/input"],
        limits=limits,
    )
    document = _parse(result.stdout)
    if document is None:
        unfinished = _unfinished(result) or GradeResult(
            "error", 0, "Your code stopped the grader before it could report results."
        )
        return GradeResult(unfinished.status, 0, unfinished.message, [], result.duration_ms)
    tests = _tests_from(document, test_cases)
    if document.get("status") in {"error", "memory"}:
        message = storable_text(str(document.get("message", "")))[:500]
        return GradeResult(document["status"], 0, message, tests, result.duration_ms)
    status = "passed" if tests and all(t.status == "passed" for t in tests) else "failed"
    return GradeResult(status, _score(tests), "", tests, result.duration_ms)
