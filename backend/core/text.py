"""Text that every database stores and every JSON encoder writes.

Learner code controls what it prints and what its exceptions say. Python strings
may hold lone surrogates ("\\udcff") and NUL characters, which PostgreSQL refuses
(in text and in jsonb) and which fail UTF-8 encoding when a stored row is sent,
so such text is made storable once, where it enters the system.
"""

import re

from django.core.exceptions import ValidationError

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD and NUL characters removed."""
    return _SURROGATE.sub(REPLACEMENT, text).replace("\x00", "")


def storable_json(value):
    """``value`` (JSON data) with every string in it, keys included, made storable."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, list):
        return [storable_json(item) for item in value]
    if isinstance(value, dict):
        return {storable_text(str(key)): storable_json(item) for key, item in value.items()}
    return value


def is_storable(text: str) -> bool:
    return storable_text(text) == text


def validate_storable(text: str) -> None:
    """A field validator for text from clients: lone surrogates are refused (DRF refuses NUL)."""
    if _SURROGATE.search(text):
        raise ValidationError("Text must be valid Unicode: it contains a lone surrogate.")
