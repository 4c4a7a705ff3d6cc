"""Runs inside the evaluator's sandbox: the exercise's tests, against the learner's process.

Standard library only, beside wire.py and tests.json in /input. The learner's code
runs in another process and sandbox; here its names are stand-ins whose calls
travel to it as plain data and whose results come back as plain data (wire.py).
Every comparison, assert and verdict happens in this process, which nothing of
the learner's can reach, and the verdict goes to our own standard output.

argv: the input directory, the file descriptor that requests go to, and the
seconds left before the run's deadline. Replies arrive on standard input.
"""

import ast
import builtins
import contextlib
import io
import json
import os
import select
import sys
import time

MAX_MESSAGE = 500
MAX_OUTPUT = 2000
HELPER = "__codecampus_compared__"
_OPERATORS = {ast.Eq: "==", ast.NotEq: "!=", ast.Is: "is", ast.IsNot: "is not", ast.In: "in"}


def _clip(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"


class LearnerGone(Exception):  # noqa: N818 - a state, not an error of ours
    """The learner's process stopped answering: it ended, or the deadline passed."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "ended", "timeout" or "garbled"


class LearnerRaised(Exception):  # noqa: N818 - the learner's exception, carried
    """The learner's code raised; subclasses also derive from the built-in exception it named."""

    error = None


class Compared(AssertionError):  # noqa: N818 - an assert, as authors write them
    """An ``assert left <op> right`` that failed, with both sides as plain values."""

    def __init__(self, call, operator, actual, expected):
        super().__init__(call)
        self.call, self.operator, self.actual, self.expected = call, operator, actual, expected


def _compared(actual, operator, expected, call):
    checks = {
        "==": lambda: actual == expected,
        "!=": lambda: actual != expected,
        "is": lambda: actual is expected,
        "is not": lambda: actual is not expected,
        "in": lambda: actual in expected,
    }
    if not checks[operator]():
        raise Compared(call, operator, actual, expected)


class _ExplainComparisons(ast.NodeTransformer):
    """``assert f(1) == 86400`` becomes a call that reports both sides when it fails."""

    def __init__(self, source):
        self.source = source

    def visit_Assert(self, node):
        test = node.test
        if node.msg is not None or not (
            isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _OPERATORS
        ):
            return node
        call = ast.get_source_segment(self.source, test.left) or ast.unparse(test.left)
        replacement = ast.Expr(
            ast.Call(
                func=ast.Name(HELPER, ast.Load()),
                args=[
                    test.left,
                    ast.Constant(_OPERATORS[type(test.ops[0])]),
                    test.comparators[0],
                    ast.Constant(call),
                ],
                keywords=[],
            )
        )
        return ast.copy_location(replacement, node)


def compile_test(source, filename):
    tree = _ExplainComparisons(source).visit(ast.parse(source, filename))
    return compile(ast.fix_missing_locations(tree), filename, "exec")


class Channel:
    """Requests to the learner's process, replies from it, each under the deadline."""

    def __init__(self, wire, requests, replies_fd, deadline):
        self.wire, self.requests, self.deadline = wire, requests, deadline
        self.replies_fd = replies_fd
        self.buffer = b""
        self.gone = None
        self.output = []

    def _line(self):
        while b"\n" not in self.buffer:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise LearnerGone("timeout")
            ready, _, _ = select.select([self.replies_fd], [], [], left)
            if not ready:
                raise LearnerGone("timeout")
            chunk = os.read(self.replies_fd, 65536)
            if not chunk:
                raise LearnerGone("ended")
            self.buffer += chunk
            if len(self.buffer) > self.wire.MAX_LINE:
                raise LearnerGone("garbled")
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("ascii", errors="replace")

    def receive(self):
        if self.gone:
            raise LearnerGone(self.gone)
        try:
            return self.wire.loads(self._line())
        except LearnerGone as exc:
            self.gone = exc.reason
            raise
        except self.wire.WireError as exc:
            self.gone = "garbled"
            raise LearnerGone("garbled") from exc

    def ask(self, request):
        if self.gone:
            raise LearnerGone(self.gone)
        try:
            self.requests.write(self.wire.dumps(request))
            self.requests.flush()
        except OSError as exc:
            self.gone = "ended"
            raise LearnerGone("ended") from exc
        reply = self.receive()
        if type(reply.get("output")) is str and reply["output"]:
            self.output.append(_clip(reply["output"], MAX_OUTPUT))
        return reply


_BUILTIN_ERRORS = {
    name: value
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, Exception)
}


def _raised(error):
    """An exception for the learner's error: a built-in type by its name, else LearnerRaised."""
    name = str(error.get("type", "Exception"))
    base = _BUILTIN_ERRORS.get(name)
    kind = type(name, (LearnerRaised, base), {}) if base else LearnerRaised
    exc = kind(str(error.get("message", "")))
    exc.error = error
    return exc


class Remote:
    """Something of the learner's that stays in its process: usable, never trusted."""

    def __init__(self, session, tagged):
        object.__setattr__(self, "_session", session)
        object.__setattr__(self, "_tagged", tagged)

    def _ask(self, op, **fields):
        return self._session.ask({"op": op, "target": self._tagged, **fields})

    def __call__(self, *args, **kwargs):
        return self._ask(
            "call",
            args=self._session.encode(list(args)),
            kwargs=self._session.encode(dict(kwargs)),
        )

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self._ask("getattr", name=name)

    def __len__(self):
        return self._plain("len", int)

    def __iter__(self):
        return iter(self._plain("iter", list))

    def __getitem__(self, key):
        return self._ask("getitem", key=self._session.encode(key))

    def __contains__(self, item):
        return self._plain("contains", bool, item=self._session.encode(item))

    def __bool__(self):
        return self._plain("bool", bool)

    def __str__(self):
        return self._plain("str", str)

    def __repr__(self):
        return str(self._tagged.get("repr", "<object>"))

    # Equal only to itself: the learner's own __eq__ never decides a test.
    def __eq__(self, other):
        return other is self

    def __ne__(self, other):
        return other is not self

    __hash__ = object.__hash__

    def _plain(self, op, kind, **fields):
        value = self._ask(op, **fields)
        if type(value) is not kind:
            raise TypeError(f"{op} of your object did not give a {kind.__name__}")
        return value


class Session:
    def __init__(self, wire, channel):
        self.wire, self.channel = wire, channel

    def encode(self, value):
        def as_ref(obj):
            if isinstance(obj, Remote):
                return obj._tagged
            raise TypeError(f"a {type(obj).__name__} cannot be passed to your code")

        return self.wire.encode(value, as_ref)

    def decode(self, data):
        return self.wire.decode(data, lambda tagged: Remote(self, tagged))

    def ask(self, request):
        reply = self.channel.ask(request)
        if "raised" in reply and type(reply["raised"]) is dict:
            raise _raised(reply["raised"])
        if "value" not in reply:
            raise LearnerGone("garbled")
        try:
            return self.decode(reply["value"])
        except self.wire.WireError as exc:
            raise TypeError(f"your code returned something that is not plain data ({exc})") from exc


def _failure(exc, test_code, filename):
    """The learner-facing detail of a failed or erroring test."""
    if isinstance(exc, Compared):
        detail = {
            "call": _clip(exc.call, 200),
            "operator": exc.operator,
            "expected": _clip(_safe_repr(exc.expected), 300),
            "actual": _clip(_safe_repr(exc.actual), 300),
        }
        message = f"{detail['call']}: expected {detail['expected']}, got {detail['actual']}"
        if exc.operator != "==":
            message = (
                f"{detail['call']} {exc.operator} {detail['expected']} is false"
                f" (got {detail['actual']})"
            )
        return "failed", message, detail
    if isinstance(exc, AssertionError):
        line = _line_of(exc, test_code, filename)
        message = f"Assertion failed: {line}" if line else "Assertion failed."
        return "failed", message, None
    if isinstance(exc, LearnerRaised):
        error = exc.error or {}
        where = f" (line {error['line']}: {error.get('text', '')})" if error.get("line") else ""
        kind, text = error.get("type", "an error"), error.get("message", "")
        message = f"Your code raised {kind}: {text}{where}"
        return "error", message, {"error": error}
    line = _line_of(exc, test_code, filename)
    message = f"{type(exc).__name__}: {exc}" + (f" (at: {line})" if line else "")
    return "error", message, None


def _safe_repr(value):
    try:
        return repr(value)
    except Exception:  # noqa: BLE001
        return f"<{type(value).__name__}>"


def _line_of(exc, source, filename):
    import traceback  # only when there is an error: it slows every run's start-up

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == filename and frame.lineno:
            lines = source.splitlines()
            if 0 < frame.lineno <= len(lines):
                return lines[frame.lineno - 1].strip()
    return ""


def run_tests(session, channel, hello, tests):
    base = {}
    for name, data in hello.get("names", {}).items():
        try:
            base[str(name)] = session.decode(data)
        except session.wire.WireError:
            continue
    results = []
    for test in tests:
        if channel.gone:
            results.append(_not_run(test, channel.gone))
            continue
        filename = f"test: {test['name']}"
        namespace = {**base, "__builtins__": builtins, HELPER: _compared}
        channel.output = []
        started = time.perf_counter()
        status, message, detail = "passed", "", None
        printed = io.StringIO()
        try:
            code = compile_test(test["code"], filename)
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
                exec(code, namespace)  # noqa: S102 - the exercise author's test
        except LearnerGone as exc:
            status, message = exc.reason, _gone_message(exc.reason)
        except BaseException as exc:  # noqa: BLE001
            status, message, detail = _failure(exc, test["code"], filename)
        results.append(
            {
                "name": test["name"],
                "status": status,
                "message": _clip(message, MAX_MESSAGE),
                "detail": detail,
                "output": _clip("".join(channel.output), MAX_OUTPUT),
                "duration_ms": round((time.perf_counter() - started) * 1000),
            }
        )
    return results


def _gone_message(reason):
    return {
        "timeout": "Your code took too long and was stopped.",
        "ended": "Your code stopped before this test finished.",
        "garbled": "Your code broke the connection to the grader.",
    }.get(reason, "Your code stopped.")


def _not_run(test, reason):
    return {
        "name": test["name"],
        "status": reason,
        "message": "Not run: your code had stopped.",
        "detail": None,
        "output": "",
        "duration_ms": 0,
    }


def evaluate(wire, channel, tests):
    try:
        hello = channel.receive()
    except LearnerGone as exc:
        return {"status": "gone", "reason": exc.reason, "tests": []}
    if hello.get("hello") is not True:
        return {"status": "gone", "reason": "garbled", "tests": []}
    learner_output = _clip(str(hello.get("output") or ""), MAX_OUTPUT)
    if hello.get("error"):
        error = hello["error"] if type(hello["error"]) is dict else {}
        return {"status": "error", "error": error, "output": learner_output, "tests": []}
    session = Session(wire, channel)
    return {
        "status": "ok",
        "output": learner_output,
        "tests": run_tests(session, channel, hello, tests),
        "gone": channel.gone,
    }


def main(input_dir, request_fd, seconds):
    deadline = time.monotonic() + seconds
    sys.path.insert(0, input_dir)
    import wire

    sys.path.pop(0)
    with open(os.path.join(input_dir, "tests.json"), encoding="utf-8") as handle:
        tests = json.load(handle)
    requests = os.fdopen(request_fd, "w", encoding="ascii")
    channel = Channel(wire, requests, 0, deadline)
    report = evaluate(wire, channel, tests)
    sys.__stdout__.write(json.dumps(report) + "\n")
    sys.__stdout__.flush()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
