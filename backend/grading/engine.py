"""Grade code against tests: the learner's code and the tests in two sandboxes.

The learner's process (harness/learner.py) holds only the submission. The
evaluator's process (harness/evaluator.py) holds the tests, hidden ones too, and
calls the learner's functions through two pipes that carry plain data only
(harness/wire.py). The verdict is what the evaluator reports on its own standard
output, which the learner's process cannot reach, read together with how each
process ended. docs/grading.md gives the design and its threat model.
"""

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from core.text import storable_json, storable_text
from grading import isolation, sandbox
from grading.limits import Limits

_HARNESS = Path(__file__).parent / "harness"
WIRE_SOURCE = (_HARNESS / "wire.py").read_text(encoding="utf-8")
LEARNER_SOURCE = (_HARNESS / "learner.py").read_text(encoding="utf-8")
EVALUATOR_SOURCE = (_HARNESS / "evaluator.py").read_text(encoding="utf-8")

# The evaluator runs only our code and the author's tests: it gets the learner's
# time plus a margin, so that it can still report after the learner's deadline.
_EVALUATOR_MARGIN_SECONDS = 2.0
_EVALUATOR_MEMORY_MB = 256
_LEARNER_GRACE_SECONDS = 0.2


@dataclass(frozen=True)
class TestResult:
    name: str
    status: str  # passed, failed or error
    hidden: bool
    weight: int
    message: str = ""
    output: str = ""
    duration_ms: int = 0
    detail: dict | None = None  # call, expected and actual of a failed comparison

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
            "detail": self.detail,
        }


@dataclass(frozen=True)
class GradeResult:
    status: str  # passed, failed, error, timeout or memory
    score: int
    message: str = ""
    tests: list[TestResult] = field(default_factory=list)
    duration_ms: int = 0
    output: str = ""  # what the learner's code printed while it loaded
    error: dict | None = None  # the learner's error: type, message, line, text


def _score(tests: list[TestResult]) -> int:
    total = sum(test.weight for test in tests)
    earned = sum(test.weight for test in tests if test.status == "passed")
    return round(100 * earned / total) if total else 0


def _ordered(test_cases: list[dict]) -> list[dict]:
    """Visible tests first: nothing a hidden test passes to the learner's code can
    surface in a visible test's output."""
    return sorted(test_cases, key=lambda case: bool(case.get("hidden")))


def grade(*, code: str, test_cases: list[dict], limits: Limits) -> GradeResult:
    """Run ``code`` against ``test_cases`` (``name``, ``code``, ``hidden``, ``weight``).
    The score is the weighted share of passed tests."""
    ordered = _ordered(test_cases)
    with isolation.leased_uid() as learner_uid, isolation.leased_uid() as evaluator_uid:
        learner, evaluator = _start_pair(code, ordered, limits, learner_uid, evaluator_uid)
        evaluator_ended = evaluator.wait(limits.wall_seconds + _EVALUATOR_MARGIN_SECONDS)
        # A learner that ended on its own has ended by now; one still running is stopped.
        learner_result = learner.finish(learner.wait(_LEARNER_GRACE_SECONDS))
        evaluator_result = evaluator.finish(evaluator_ended)
    report = _report(evaluator_result)
    return _verdict(report, test_cases, learner_result, evaluator_result)


def _start_pair(code, test_cases, limits, learner_uid, evaluator_uid):
    to_learner_read, to_learner_write = os.pipe()
    to_evaluator_read, to_evaluator_write = os.pipe()
    python = sandbox.sandbox_python()
    learner = evaluator = None
    try:
        learner = sandbox.start(
            files={"learner.py": LEARNER_SOURCE, "wire.py": WIRE_SOURCE, "submission.py": code},
            argv=[python, "-I", "-S", "/input/learner.py", "/input", str(to_evaluator_write)],
            limits=limits,
            uid=learner_uid,
            stdin=to_learner_read,
            pass_fds=(to_evaluator_write,),
        )
        tests = [{"name": case["name"], "code": case["code"]} for case in test_cases]
        evaluator = sandbox.start(
            files={
                "evaluator.py": EVALUATOR_SOURCE,
                "wire.py": WIRE_SOURCE,
                "tests.json": json.dumps(tests),
            },
            argv=[
                python,
                "-I",
                "-S",
                "/input/evaluator.py",
                "/input",
                str(to_learner_write),
                str(limits.wall_seconds),
            ],
            limits=Limits(
                cpu_seconds=int(limits.wall_seconds) + 2,
                wall_seconds=limits.wall_seconds + _EVALUATOR_MARGIN_SECONDS,
                memory_mb=_EVALUATOR_MEMORY_MB,
            ),
            uid=evaluator_uid,
            stdin=to_evaluator_read,
            pass_fds=(to_learner_write,),
        )
    except BaseException:
        if learner is not None:
            learner.kill()
            learner.finish(False)
        raise
    finally:
        for end in (to_learner_read, to_learner_write, to_evaluator_read, to_evaluator_write):
            os.close(end)
    return learner, evaluator


def _report(result: sandbox.SandboxResult) -> dict | None:
    lines = result.stdout.strip().splitlines()
    try:
        report = json.loads(lines[-1]) if lines else None
    except ValueError:
        return None
    return report if isinstance(report, dict) else None


def _learner_stopped(learner: sandbox.SandboxResult) -> tuple[str, str] | None:
    """Why the learner's process stopped on its own account, if it did."""
    if learner.out_of_memory or "MemoryError" in learner.stderr:
        return "memory", "Your code ran out of memory."
    if learner.output_exceeded:
        return "error", "Your code printed too much output and was stopped."
    if learner.timed_out:
        return None  # still running when the tests ended: stopped by us
    # The CPU rlimit sends SIGXCPU, then SIGKILL at its hard limit (the cgroup's
    # out-of-memory kills were told apart above).
    if learner.signal_name in ("SIGXCPU", "SIGKILL"):
        return "timeout", "Your code used too much CPU time and was stopped."
    if learner.signal_name:
        return "error", f"Your code crashed ({learner.signal_name})."
    return None


def _verdict(report, test_cases, learner, evaluator) -> GradeResult:
    duration = max(learner.duration_ms, evaluator.duration_ms)
    if report is None:
        if learner.stderr.startswith("bwrap:") or evaluator.stderr.startswith("bwrap:"):
            raise sandbox.LaunchFailedError("bubblewrap could not start: " + learner.stderr[:200])
        raise GraderFailedError("the evaluator reported nothing")
    output = storable_text(str(report.get("output") or ""))[:2000]
    stopped = _learner_stopped(learner)
    if learner.output_exceeded or learner.out_of_memory:
        return GradeResult(stopped[0], 0, stopped[1], [], duration, output)
    if report.get("status") == "error":
        error = storable_json(report.get("error") or {})
        if error.get("type") == "MemoryError":
            return GradeResult("memory", 0, "Your code ran out of memory.", [], duration, output)
        message = "Your code raised an error before the tests ran: " + _describe(error)
        return GradeResult("error", 0, message[:500], [], duration, output, error)
    if report.get("status") == "gone":
        if report.get("reason") != "timeout" and learner.stderr.startswith("bwrap:"):
            raise sandbox.LaunchFailedError("bubblewrap could not start: " + learner.stderr[:200])
        status, message = stopped or (
            ("timeout", "Your code took too long and was stopped.")
            if report.get("reason") == "timeout"
            else ("error", "Your code stopped before the tests could run.")
        )
        return GradeResult(status, 0, message, [], duration, output)
    tests = _tests_from(report, test_cases)
    gone = report.get("gone")
    if gone and stopped:
        return GradeResult(stopped[0], 0, stopped[1], tests, duration, output)
    if gone == "timeout":
        message = "Your code took too long and was stopped."
        return GradeResult("timeout", 0, message, tests, duration, output)
    if any(_raised(test) == "MemoryError" for test in tests):
        return GradeResult("memory", 0, "Your code ran out of memory.", tests, duration, output)
    status = "passed" if tests and all(test.status == "passed" for test in tests) else "failed"
    return GradeResult(status, _score(tests), "", tests, duration, output)


def _raised(test: TestResult) -> str | None:
    error = (test.detail or {}).get("error")
    return error.get("type") if isinstance(error, dict) else None


class GraderFailedError(RuntimeError):
    """The evaluator itself failed: a fault of ours or of the tests, never of the learner."""


def _describe(error: dict) -> str:
    kind = str(error.get("type") or "Error")
    message = str(error.get("message") or "")
    text = f"{kind}: {message}" if message else kind
    if error.get("line"):
        text += f" (line {error['line']}: {str(error.get('text', '')).strip()})"
    return text


def _tests_from(report: dict, test_cases: list[dict]) -> list[TestResult]:
    reported = {
        item.get("name"): item for item in report.get("tests", []) if isinstance(item, dict)
    }
    results = []
    for case in test_cases:
        item = reported.get(case["name"], {})
        status = item.get("status")
        if status not in {"passed", "failed"}:
            status = "error"
        detail = item.get("detail") if isinstance(item.get("detail"), dict) else None
        results.append(
            TestResult(
                name=case["name"],
                status=status,
                hidden=bool(case.get("hidden")),
                weight=int(case.get("weight") or 1),
                message=storable_text(str(item.get("message", "Not run.")))[:500],
                output=storable_text(str(item.get("output", "")))[:2000],
                duration_ms=int(item.get("duration_ms", 0) or 0),
                detail=storable_json(detail) if detail else None,
            )
        )
    return results
