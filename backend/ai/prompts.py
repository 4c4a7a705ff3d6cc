"""Every AI feature and its prompt, versioned in one place.

Bump a feature's ``version`` whenever its prompt changes: the version is part of
the cache key, so old answers are not served for a new prompt. Prompts get only
the context named in ``inputs`` (see ai/context.py), never personal data.
"""

from dataclasses import dataclass
from enum import StrEnum


class Audience(StrEnum):
    STAFF = "staff"
    LEARNER = "learner"


@dataclass(frozen=True)
class Feature:
    name: str
    version: int
    audience: Audience
    label: str
    instruction: str
    inputs: tuple[str, ...]
    max_output_tokens: int = 400
    # Ids the request must carry: a hint is always about one submission.
    required: tuple[str, ...] = ()

    @property
    def prompt_id(self) -> str:
        return f"{self.name}@v{self.version}"


SYSTEM_PROMPT = (
    "You help the editors and learners of Codecampus, a community that teaches "
    "programming. Answer in plain text in the language of the content. Never "
    "invent facts that the content does not support."
)

_FEATURES = [
    Feature(
        name="blog_title",
        version=1,
        audience=Audience.STAFF,
        label="Blog post title",
        instruction="Suggest one title for this blog post, at most 70 characters, "
        "without quotes. Reply with the title only.",
        inputs=("title", "introduction", "tags", "difficulty", "body"),
        max_output_tokens=40,
    ),
    Feature(
        name="blog_introduction",
        version=1,
        audience=Audience.STAFF,
        label="Blog post introduction",
        instruction="Write the introduction of this blog post: one or two sentences, "
        "at most 300 characters, that tell the reader what they will learn.",
        inputs=("title", "tags", "difficulty", "body"),
        max_output_tokens=120,
    ),
    Feature(
        name="meta_description",
        version=1,
        audience=Audience.STAFF,
        label="Meta description",
        instruction="Write a meta description for search engines, at most 155 "
        "characters, plain text, no quotes.",
        inputs=("title", "introduction", "tags", "body"),
        max_output_tokens=80,
    ),
    Feature(
        name="improve_section",
        version=1,
        audience=Audience.STAFF,
        label="Improve a section",
        instruction="Rewrite this section so it is clearer and more concise. Keep its "
        "meaning, its code and its technical terms.",
        inputs=("title", "text"),
        max_output_tokens=800,
    ),
    Feature(
        name="explain_code",
        version=1,
        audience=Audience.LEARNER,
        label="Explain code",
        instruction="Explain, step by step and for a beginner, what this code does.",
        inputs=("language", "exercise", "code"),
        max_output_tokens=500,
    ),
    Feature(
        name="generate_tests",
        version=1,
        audience=Audience.STAFF,
        label="Test cases",
        instruction="Write test cases for this solution as Python assert statements, "
        "one per line, covering normal cases and edge cases.",
        inputs=("exercise", "instructions", "code"),
        max_output_tokens=500,
    ),
    Feature(
        name="generate_exercise",
        version=1,
        audience=Audience.STAFF,
        label="Exercise from a lesson",
        instruction="Write a short coding exercise that practises this lesson: the "
        "instructions, starter code and three assert-based tests.",
        inputs=("course", "lesson", "body"),
        max_output_tokens=800,
    ),
    Feature(
        name="review_code",
        version=1,
        audience=Audience.STAFF,
        label="Code review",
        instruction="Review this code: correctness, readability and style. List "
        "concrete suggestions, most important first.",
        inputs=("language", "exercise", "code"),
        max_output_tokens=600,
    ),
    Feature(
        name="improve_lesson",
        version=1,
        audience=Audience.STAFF,
        label="Improve lesson content",
        instruction="Suggest improvements to this lesson so that beginners follow it "
        "more easily: missing steps, unclear terms, better examples.",
        inputs=("course", "lesson", "difficulty", "body"),
        max_output_tokens=800,
    ),
    Feature(
        name="learning_path",
        version=1,
        audience=Audience.STAFF,
        label="Learning path",
        instruction="Propose a learning path for this topic: an ordered list of "
        "lessons, each with one sentence on what it teaches.",
        inputs=("topic", "difficulty"),
        max_output_tokens=600,
    ),
    Feature(
        name="hint",
        version=1,
        audience=Audience.LEARNER,
        label="Hint",
        instruction="The learner's code fails the tests shown. Give one short hint "
        "that points them to the problem. Do not write the corrected code and do "
        "not give the solution.",
        inputs=("exercise", "instructions", "language", "code", "failing_tests"),
        max_output_tokens=200,
        required=("submission_id",),
    ),
    # wagtail-ai's built-ins: their prompt text comes from wagtail-ai's settings
    # (editable in the admin), so ``prompt`` is the whole request.
    Feature(
        name="page_title",
        version=1,
        audience=Audience.STAFF,
        label="Page title (wagtail-ai)",
        instruction="",
        inputs=("prompt", "text"),
        max_output_tokens=40,
    ),
    Feature(
        name="page_description",
        version=1,
        audience=Audience.STAFF,
        label="Page description (wagtail-ai)",
        instruction="",
        inputs=("prompt", "text"),
        max_output_tokens=120,
    ),
    Feature(
        name="image_title",
        version=1,
        audience=Audience.STAFF,
        label="Image title (wagtail-ai)",
        instruction="",
        inputs=("prompt", "image"),
        max_output_tokens=40,
    ),
    Feature(
        name="image_description",
        version=1,
        audience=Audience.STAFF,
        label="Image description (wagtail-ai)",
        instruction="",
        inputs=("prompt", "image"),
        max_output_tokens=200,
    ),
    Feature(
        name="image_alt_text",
        version=1,
        audience=Audience.STAFF,
        label="Image alt text (wagtail-ai)",
        instruction="",
        inputs=("prompt", "image", "text"),
        max_output_tokens=80,
    ),
    Feature(
        name="custom_prompt",
        version=1,
        audience=Audience.STAFF,
        label="Custom prompt (wagtail-ai)",
        instruction="",
        inputs=("prompt", "text"),
        max_output_tokens=400,
    ),
    Feature(
        name="content_feedback",
        version=1,
        audience=Audience.STAFF,
        label="Content feedback (wagtail-ai)",
        instruction="",
        inputs=("prompt", "text"),
        max_output_tokens=1000,
    ),
]

FEATURES: dict[str, Feature] = {feature.name: feature for feature in _FEATURES}
# Features our API offers; the wagtail-ai ones are reached through the admin only.
API_FEATURES = tuple(feature.name for feature in _FEATURES if feature.instruction)

_INPUT_HEADINGS = {
    "title": "Title",
    "introduction": "Introduction",
    "tags": "Tags",
    "difficulty": "Difficulty",
    "course": "Course",
    "lesson": "Lesson",
    "exercise": "Exercise",
    "instructions": "Instructions",
    "language": "Language",
    "topic": "Topic",
    "body": "Content",
    "text": "Text",
    "code": "Code",
    "failing_tests": "Failing tests",
    "image": "Image",
}


def render_messages(feature: Feature, context: dict[str, str]) -> list[dict]:
    """The chat messages for ``feature``; only the inputs it declares are used."""
    if not feature.instruction:
        return [{"role": "user", "content": context["prompt"]}]
    sections = [
        f"## {_INPUT_HEADINGS[name]}\n{context[name]}"
        for name in feature.inputs
        if context.get(name)
    ]
    user = "\n\n".join([feature.instruction, *sections])
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": user},
    ]
