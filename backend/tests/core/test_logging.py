import logging
import sys

from core.logging import KeyValueFormatter


def _record(message, exc_info=None, **extra):
    record = logging.makeLogRecord(
        {"name": "test", "levelname": "INFO", "msg": message, "exc_info": exc_info}
    )
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_lines_are_key_value_with_a_stable_event_name():
    line = KeyValueFormatter().format(_record("ai.generate", feature="title", cached=True))

    assert "event=ai.generate" in line
    assert "feature=title" in line
    assert "cached=True" in line


def test_values_with_spaces_are_quoted():
    line = KeyValueFormatter().format(_record("x", note="two words"))

    assert 'note="two words"' in line


def test_exceptions_are_logged_by_class_name_only():
    try:
        raise ValueError("api_key=sk-secret")
    except ValueError:
        record = _record("failed", exc_info=sys.exc_info())

    line = KeyValueFormatter().format(record)

    assert "exc_type=ValueError" in line
    assert "sk-secret" not in line
    assert "Traceback" not in line
