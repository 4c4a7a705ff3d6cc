"""Runs inside the sandbox: the learner's code, then each test, in this process.

Standard library only: the sandbox has no project code and no site-packages.
Reads ``input.json`` (``{"code": str, "tests": [{"name", "code"}]}``) from the
directory given as the first argument and prints one JSON document:
``{"status": "ok" | "error" | "memory", "message": str, "tests": [...]}``
with, per test, ``name``, ``status`` (passed, failed, error), ``message``,
``output`` and ``duration_ms``.
"""

import contextlib
import io
import json
import os
import sys
import time
import traceback

MAX_TEST_OUTPUT = 2000
MAX_MESSAGE = 500


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _failing_line(exc: BaseException, source: str, filename: str) -> str:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == filename and frame.lineno:
            lines = source.splitlines()
            if 0 < frame.lineno <= len(lines):
                return lines[frame.lineno - 1].strip()
    return ""


def _describe(exc: BaseException, source: str, filename: str) -> str:
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    line = _failing_line(exc, source, filename)
    return _clip(f"{detail} (at: {line})" if line else detail, MAX_MESSAGE)


def _run(source: str, filename: str, namespace: dict):
    captured = io.StringIO()
    started = time.perf_counter()
    error = None
    with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
        try:
            exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - that is the job
        except BaseException as exc:  # noqa: BLE001 - learner code may raise anything
            error = exc
    duration_ms = round((time.perf_counter() - started) * 1000)
    return error, _clip(captured.getvalue(), MAX_TEST_OUTPUT), duration_ms


def _emit(document: dict) -> None:
    sys.__stdout__.write(json.dumps(document) + "\n")
    sys.__stdout__.flush()


def main(input_dir: str) -> None:
    with open(os.path.join(input_dir, "input.json"), encoding="utf-8") as handle:
        payload = json.load(handle)
    namespace = {"__name__": "submission", "__builtins__": __builtins__}
    error, output, _ = _run(payload["code"], "submission.py", namespace)
    if isinstance(error, MemoryError):
        _emit({"status": "memory", "message": "Your code ran out of memory.", "tests": []})
        return
    if error is not None:
        message = "Your code raised an error before the tests ran: " + _describe(
            error, payload["code"], "submission.py"
        )
        _emit({"status": "error", "message": message, "output": output, "tests": []})
        return

    results = []
    for test in payload["tests"]:
        filename = f"test: {test['name']}"
        error, output, duration_ms = _run(test["code"], filename, dict(namespace))
        if isinstance(error, MemoryError):
            _emit({"status": "memory", "message": "Your code ran out of memory.", "tests": results})
            return
        if error is None:
            status, message = "passed", ""
        elif isinstance(error, AssertionError):
            status, message = "failed", _describe(error, test["code"], filename)
        else:
            status, message = "error", _describe(error, test["code"], filename)
        results.append(
            {
                "name": test["name"],
                "status": status,
                "message": message,
                "output": output,
                "duration_ms": duration_ms,
            }
        )
    _emit({"status": "ok", "message": "", "tests": results})


if __name__ == "__main__":
    main(sys.argv[1])
