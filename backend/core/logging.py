"""Structured log lines: ``level=... logger=... event=... key=value ...``.

Exception text and tracebacks are never written: only the exception's class
name, so that nothing a provider, database or user put in an error message can
leak into the logs.
"""

import json
import logging

_STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
_PRIMITIVES = (str, int, float, bool, type(None))


def _quote(value) -> str:
    text = str(value)
    if text and all(ch.isalnum() or ch in "-_.:/@" for ch in text):
        return text
    return json.dumps(text, ensure_ascii=False)


class KeyValueFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRIBUTES and isinstance(value, _PRIMITIVES):
                fields[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            fields["exc_type"] = record.exc_info[0].__name__
        return " ".join(f"{key}={_quote(value)}" for key, value in fields.items())
