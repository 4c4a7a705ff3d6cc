"""The offline engine: deterministic, extractive, honest about what it is."""

from ai import offline
from ai.prompts import FEATURES

BODY = (
    "Decorators wrap a function in another function. They add behaviour without "
    "changing the wrapped code.\n\n```python\n@cache\ndef fib(n): ...\n```\n\n"
    "Python applies them with the at sign, from the bottom up."
)


def test_answers_are_deterministic():
    context = {"body": BODY, "title": "Decorators"}

    first = offline.answer(FEATURES["blog_introduction"], context)

    assert first == offline.answer(FEATURES["blog_introduction"], context)


def test_introduction_takes_prose_sentences_and_skips_code():
    intro = offline.answer(FEATURES["blog_introduction"], {"body": BODY})

    assert intro.startswith("Decorators wrap a function in another function.")
    assert "@cache" not in intro
    assert len(intro) <= 300


def test_meta_description_fits_search_results():
    description = offline.answer(FEATURES["meta_description"], {"body": BODY * 5})

    assert len(description) <= 155


def test_explain_code_walks_through_functions_loops_and_returns():
    code = "def total(xs):\n    for x in xs:\n        pass\n    return sum(xs)\n"

    explanation = offline.answer(FEATURES["explain_code"], {"code": code})

    assert "defines the function total" in explanation
    assert "starts a loop" in explanation
    assert "returns a value" in explanation


def test_hint_points_at_the_first_failing_test_only():
    failing = "Test: adds\nAssertionError\n\nTest: subtracts\nAssertionError"

    hint = offline.answer(FEATURES["hint"], {"failing_tests": failing})

    assert "Test: adds" in hint
    assert "subtracts" not in hint


def test_image_text_respects_a_bad_max_length():
    text = offline.answer(FEATURES["image_alt_text"], {"image": "Python logo", "max_length": "x"})

    assert text == "Python logo"


def test_content_feedback_matches_wagtail_ais_schema():
    from wagtail_ai.agents.content_feedback import ContentFeedbackSchema

    raw = offline.answer(FEATURES["content_feedback"], {"text": BODY})

    feedback = ContentFeedbackSchema.model_validate_json(raw)
    assert any("offline engine" in point for point in feedback.qualitative_feedback)
