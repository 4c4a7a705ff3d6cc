"""Plain data between the learner's process and the evaluator: nothing with behaviour.

Copied into both sandboxes beside learner.py and evaluator.py; standard library only.
Messages are one JSON document per line. A value is JSON for None, bools, ints,
finite floats, strings and lists; anything else is tagged with "$": tuples, sets,
frozensets, bytes, dicts (as key/value pairs, so keys keep their types), floats
that JSON cannot write, and references to objects that stay in the learner's
process ("ref", with their type name and repr, for display only).

Only exact built-in types are read as such. An object of any other type, however
it compares or what it claims to be, crosses as a reference; the evaluator's
reference compares equal only to itself, so it can never pass for a right answer.
"""

import base64
import json
import math

MAX_LINE = 4 * 1024 * 1024
MAX_DEPTH = 64
MAX_ITEMS = 200_000
MAX_REPR = 200


class WireError(ValueError):
    """A message that is not plain data within the limits."""


def _clip(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Budget:
    def __init__(self):
        self.items = 0

    def spend(self, depth):
        self.items += 1
        if self.items > MAX_ITEMS:
            raise WireError("value too large")
        if depth > MAX_DEPTH:
            raise WireError("value nested too deeply")


def encode(value, make_ref):
    """``value`` as JSON data; ``make_ref(obj)`` returns the wire form of anything else."""
    return _encode(value, make_ref, _Budget(), 0)


def _encode(value, make_ref, budget, depth):
    budget.spend(depth)
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is str:
        return value
    if kind is float:
        return value if math.isfinite(value) else {"$": "float", "v": repr(value)}
    if kind is list:
        return [_encode(item, make_ref, budget, depth + 1) for item in value]
    if kind in (tuple, set, frozenset):
        items = [_encode(item, make_ref, budget, depth + 1) for item in value]
        return {"$": kind.__name__, "v": items}
    if kind is dict:
        pairs = [
            [_encode(key, make_ref, budget, depth + 1), _encode(item, make_ref, budget, depth + 1)]
            for key, item in value.items()
        ]
        return {"$": "dict", "v": pairs}
    if kind is bytes:
        return {"$": "bytes", "v": base64.b64encode(value).decode("ascii")}
    return make_ref(value)


def decode(data, from_ref):
    """The value ``data`` describes; ``from_ref(tagged)`` turns a reference into a value."""
    return _decode(data, from_ref, _Budget(), 0)


def _decode(data, from_ref, budget, depth):
    budget.spend(depth)
    if data is None or type(data) in (bool, int, str):
        return data
    if type(data) is float:
        return data
    if type(data) is list:
        return [_decode(item, from_ref, budget, depth + 1) for item in data]
    if type(data) is not dict:
        raise WireError("unknown value")
    tag, items = data.get("$"), data.get("v")
    if tag == "ref":
        return from_ref(data)
    if tag == "float" and items in ("nan", "inf", "-inf"):
        return float(items)
    if tag == "bytes" and type(items) is str:
        return base64.b64decode(items.encode("ascii"), validate=True)
    if type(items) is not list:
        raise WireError("unknown value")
    values = [_decode(item, from_ref, budget, depth + 1) for item in items]
    if tag == "list":
        return values
    if tag == "tuple":
        return tuple(values)
    if tag in ("set", "frozenset"):
        try:
            return set(values) if tag == "set" else frozenset(values)
        except TypeError as exc:
            raise WireError("unhashable set item") from exc
    if tag == "dict":
        if not all(type(pair) is list and len(pair) == 2 for pair in values):
            raise WireError("malformed dict")
        try:
            return dict(values)
        except TypeError as exc:
            raise WireError("unhashable dict key") from exc
    raise WireError("unknown value")


def dumps(message):
    """One line of JSON (ASCII, so no value can contain a line break)."""
    return json.dumps(message, ensure_ascii=True, allow_nan=False, separators=(",", ":")) + "\n"


def loads(line):
    if len(line) > MAX_LINE:
        raise WireError("message too large")
    try:
        message = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise WireError("not JSON") from exc
    if type(message) is not dict:
        raise WireError("not a message")
    return message


def short_repr(value):
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a learner's __repr__ may raise anything
        text = f"<{type(value).__name__} object>"
    return _clip(text, MAX_REPR)
