"""The offline engine: deterministic, extractive drafts built from the content itself.

It is not a language model and never claims to be one: every answer comes from
sentences, headings and code already in the context, and the API labels it
``provider: "offline"``. It needs no network, costs nothing and always gives the
same answer for the same context.
"""

import json
import re

from ai.prompts import Feature

MODEL = "offline-extractive"

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[A-Za-z0-9_']+")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "we",
        "what",
        "when",
        "which",
        "while",
        "with",
        "you",
        "your",
        "will",
        "not",
        "use",
        "using",
    ]
)


def answer(feature: Feature, context: dict[str, str]) -> str:
    handler = _HANDLERS.get(feature.name, _summary)
    return handler(context).strip()


_FENCED_CODE = re.compile(r"```.*?```", re.S)


def _sentences(text: str) -> list[str]:
    """Sentences of the prose, one paragraph at a time; fenced code is skipped."""
    prose = _FENCED_CODE.sub("\n\n", text)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", prose) if p.strip()]
    sentences = []
    for paragraph in paragraphs:
        if not re.search(r"[.!?]$", paragraph) and len(paragraph.split()) < 8:
            continue  # a heading or a label, not a sentence
        sentences.extend(s for s in _SENTENCE_END.split(paragraph) if len(s) > 2)
    return sentences


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _keywords(text: str, count: int) -> list[str]:
    frequency: dict[str, int] = {}
    for word in _WORD.findall(text.lower()):
        if word not in _STOPWORDS and len(word) > 2:
            frequency[word] = frequency.get(word, 0) + 1
    ranked = sorted(frequency.items(), key=lambda item: (-item[1], item[0]))
    return [word for word, _ in ranked[:count]]


def _first_sentences(text: str, limit: int) -> str:
    picked: list[str] = []
    for sentence in _sentences(text):
        if len(" ".join([*picked, sentence])) > limit and picked:
            break
        picked.append(sentence)
    return _clip(" ".join(picked), limit)


def _source_text(context: dict[str, str]) -> str:
    return context.get("introduction") or context.get("body") or context.get("text") or ""


def _title(context: dict[str, str]) -> str:
    if context.get("title"):
        return _clip(context["title"], 70)
    first = _sentences(_source_text(context))
    return _clip(first[0].rstrip(".!?"), 70) if first else "Untitled"


def _introduction(context: dict[str, str]) -> str:
    return _first_sentences(context.get("body") or context.get("text") or "", 300)


def _meta_description(context: dict[str, str]) -> str:
    return _first_sentences(_source_text(context), 155)


def _improve_section(context: dict[str, str]) -> str:
    lines = [line.rstrip() for line in context.get("text", "").splitlines()]
    collapsed = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return re.sub(r"[ \t]{2,}", " ", collapsed)


def _explain_code(context: dict[str, str]) -> str:
    steps = []
    for number, line in enumerate(context.get("code", "").splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("def "):
            steps.append(f"Line {number} defines the function {stripped[4:].split('(')[0]}.")
        elif stripped.startswith(("for ", "while ")):
            steps.append(f"Line {number} starts a loop: {stripped}")
        elif stripped.startswith("if "):
            steps.append(f"Line {number} checks a condition: {stripped}")
        elif stripped.startswith("return"):
            steps.append(f"Line {number} returns a value: {stripped}")
    if not steps:
        return "The offline engine found no functions, loops or conditions to walk through."
    return "\n".join(steps)


def _generate_tests(context: dict[str, str]) -> str:
    names = re.findall(r"^def ([A-Za-z_][A-Za-z0-9_]*)\(", context.get("code", ""), re.M)
    if not names:
        return "# The offline engine found no function to test."
    return "\n".join(
        f"assert {name} is not None  # replace with a real case for {name}" for name in names
    )


def _generate_exercise(context: dict[str, str]) -> str:
    keywords = _keywords(context.get("body", ""), 3)
    topic = ", ".join(keywords) or context.get("lesson", "this lesson")
    return (
        f"Exercise: practise {topic}\n\n"
        f"Instructions: write a function that uses {topic} as shown in "
        f"“{context.get('lesson', 'the lesson')}”.\n\n"
        "Starter code:\ndef solve():\n    pass\n\n"
        "Tests:\nassert solve() is not None"
    )


def _review_code(context: dict[str, str]) -> str:
    findings = []
    for number, line in enumerate(context.get("code", "").splitlines(), start=1):
        if len(line) > 100:
            findings.append(f"Line {number} is longer than 100 characters.")
        if "\t" in line:
            findings.append(f"Line {number} indents with a tab.")
        if re.search(r"except\s*:", line):
            findings.append(f"Line {number} catches every exception; name the one expected.")
    return "\n".join(findings) or "The offline engine found no long lines, tabs or bare excepts."


def _improve_lesson(context: dict[str, str]) -> str:
    long_sentences = [s for s in _sentences(context.get("body", "")) if len(s.split()) > 30]
    if not long_sentences:
        return "No sentence is longer than 30 words."
    return "Shorten these sentences:\n" + "\n".join(f"- {s}" for s in long_sentences[:5])


def _learning_path(context: dict[str, str]) -> str:
    topic = context.get("topic", "the topic")
    steps = ["What it is and why it matters", "First steps", "Common patterns", "A project"]
    return "\n".join(f"{n}. {topic}: {step}" for n, step in enumerate(steps, start=1))


def _hint(context: dict[str, str]) -> str:
    failing = context.get("failing_tests", "")
    first = failing.split("\n\n", 1)[0].strip()
    if not first:
        return "Read the instructions again and check each requirement against your code."
    return (
        f"Start with this failing test and compare what it expects with what you return:\n{first}"
    )


def _image_text(context: dict[str, str]) -> str:
    raw_limit = str(context.get("max_length") or "")
    limit = min(int(raw_limit), 1000) if raw_limit.isdigit() and int(raw_limit) > 0 else 125
    return _clip(context.get("image", "").strip() or "Image", limit)


def _content_feedback(context: dict[str, str]) -> str:
    sentences = _sentences(context.get("text", ""))
    long_sentences = [s for s in sentences if len(s.split()) > 25]
    words = sum(len(s.split()) for s in sentences)
    score = 3 if not long_sentences and words >= 150 else 2 if words >= 50 else 1
    feedback = [
        f"The content has {words} words in {len(sentences)} sentences.",
        f"{len(long_sentences)} sentences are longer than 25 words.",
        "This is the offline engine's extractive check, not a language model's review.",
    ]
    improvements = [
        {
            "original_text": sentence,
            "suggested_text": sentence,
            "explanation": "Split this sentence in two to make it easier to read.",
        }
        for sentence in long_sentences[:3]
    ] or [
        {
            "original_text": sentences[0] if sentences else "",
            "suggested_text": sentences[0] if sentences else "",
            "explanation": "No long sentences found; nothing to shorten.",
        }
    ]
    return json.dumps(
        {
            "quality_score": score,
            "qualitative_feedback": feedback,
            "specific_improvements": improvements,
        }
    )


def _summary(context: dict[str, str]) -> str:
    return _first_sentences(_source_text(context), 300)


_HANDLERS = {
    "blog_title": _title,
    "page_title": _title,
    "blog_introduction": _introduction,
    "meta_description": _meta_description,
    "page_description": _meta_description,
    "improve_section": _improve_section,
    "explain_code": _explain_code,
    "generate_tests": _generate_tests,
    "generate_exercise": _generate_exercise,
    "review_code": _review_code,
    "improve_lesson": _improve_lesson,
    "learning_path": _learning_path,
    "hint": _hint,
    "image_title": _image_text,
    "image_description": _image_text,
    "image_alt_text": _image_text,
    "content_feedback": _content_feedback,
}
