"""Runs inside the learner's sandbox: the learner's code, then the calls the evaluator asks for.

Standard library only, beside wire.py and submission.py in /input; no test, no
expected value and no reference solution is ever in this process. The learner's
code can replace anything here: what it sends back is only ever data that the
evaluator checks, so tampering can make an answer wrong, never a verdict right.

argv: the input directory and the file descriptor that replies go to. Requests
arrive on standard input, one line each; the first reply is a greeting with the
names the code defined, what it printed and the error that stopped it, if any.
"""

import builtins
import contextlib
import io
import os
import sys

MAX_OUTPUT = 2000
MAX_MESSAGE = 500
FILENAME = "submission.py"


def _clip(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Learner:
    def __init__(self, wire, source, replies):
        self.wire = wire
        self.source = source
        self.replies = replies
        self.namespace = {"__name__": "__main__", "__builtins__": builtins}
        self.objects = {}

    # Values ------------------------------------------------------------------
    def ref(self, value):
        handle = len(self.objects) + 1
        self.objects[handle] = value
        kind = "callable" if callable(value) else "object"
        return {
            "$": "ref",
            "id": handle,
            "kind": kind,
            "type": _clip(type(value).__name__, 80),
            "repr": self.wire.short_repr(value),
        }

    def deref(self, data):
        handle = data.get("id")
        if handle not in self.objects:
            raise self.wire.WireError("unknown reference")
        return self.objects[handle]

    def encode(self, value):
        return self.wire.encode(value, self.ref)

    def decode(self, data):
        return self.wire.decode(data, self.deref)

    # Running code ------------------------------------------------------------
    def error_of(self, exc):
        import traceback  # only when there is an error: it slows every run's start-up

        line = None
        if isinstance(exc, SyntaxError) and exc.filename == FILENAME:
            line = exc.lineno
        else:
            for frame in reversed(traceback.extract_tb(exc.__traceback__)):
                if frame.filename == FILENAME:
                    line = frame.lineno
                    break
        message = str(exc) if not isinstance(exc, SyntaxError) else (exc.msg or "")
        error = {"type": type(exc).__name__, "message": _clip(message, MAX_MESSAGE), "line": line}
        if line:
            lines = self.source.splitlines()
            if 0 < line <= len(lines):
                error["text"] = _clip(lines[line - 1].rstrip(), 200)
        return error

    def captured(self, work):
        """Run ``work()``; its value or error, and what it printed."""
        printed = io.StringIO()
        value, error = None, None
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            try:
                value = work()
            except BaseException as exc:  # noqa: BLE001 - learner code may raise anything
                error = exc
        return value, error, _clip(printed.getvalue(), MAX_OUTPUT)

    def greeting(self):
        def load():
            exec(compile(self.source, FILENAME, "exec"), self.namespace)  # noqa: S102

        _, error, output = self.captured(load)
        names = {}
        if error is None:
            for name, value in list(self.namespace.items()):
                if name.startswith("__") or type(value).__name__ == "module":
                    continue
                try:
                    names[name] = self.encode(value)
                except self.wire.WireError:
                    names[name] = self.ref(value)
        return {
            "hello": True,
            "names": names,
            "output": output,
            "error": self.error_of(error) if error is not None else None,
        }

    def answer(self, request):
        op = request.get("op")
        target = self.decode(request.get("target"))
        if op == "call":
            args = self.decode(request.get("args", []))
            kwargs = self.decode(request.get("kwargs", {"$": "dict", "v": []}))
            if type(args) is not list or type(kwargs) is not dict:
                raise self.wire.WireError("bad call")
            work = lambda: target(*args, **kwargs)  # noqa: E731
        elif op == "getattr":
            work = lambda: getattr(target, str(request.get("name")))  # noqa: E731
        elif op == "len":
            work = lambda: len(target)  # noqa: E731
        elif op == "iter":
            work = lambda: list(target)  # noqa: E731
        elif op == "getitem":
            key = self.decode(request.get("key"))
            work = lambda: target[key]  # noqa: E731
        elif op == "contains":
            item = self.decode(request.get("item"))
            work = lambda: item in target  # noqa: E731
        elif op == "bool":
            work = lambda: bool(target)  # noqa: E731
        elif op == "str":
            work = lambda: _clip(str(target), MAX_OUTPUT)  # noqa: E731
        else:
            raise self.wire.WireError("unknown operation")
        value, error, output = self.captured(work)
        if error is not None:
            return {"raised": self.error_of(error), "output": output}
        return {"value": self.encode(value), "output": output}

    def send(self, message):
        self.replies.write(self.wire.dumps(message))
        self.replies.flush()

    def serve(self, requests):
        self.send(self.greeting())
        for line in requests:
            try:
                reply = self.answer(self.wire.loads(line))
            except self.wire.WireError as exc:
                reply = {"raised": {"type": "WireError", "message": str(exc), "line": None}}
            self.send(reply)


def main(input_dir, reply_fd):
    sys.path.insert(0, input_dir)
    import wire  # found only once the input directory is on the path

    sys.path.pop(0)
    with open(os.path.join(input_dir, FILENAME), encoding="utf-8") as handle:
        source = handle.read()
    replies = os.fdopen(reply_fd, "w", encoding="ascii")
    requests = io.TextIOWrapper(os.fdopen(0, "rb"), encoding="ascii")
    sys.stdin = io.StringIO("")
    Learner(wire, source, replies).serve(requests)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
