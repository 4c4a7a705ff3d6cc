"""What a prompt may see: content fields gathered for a feature, and nothing personal.

Pages, exercises and submissions are loaded here with the caller's rights: staff
may point at any page (drafts included, as they edit them); learners reach only
published exercises and their own submissions. A hint sees the learner's code
and the visible tests it fails, never the solution or a hidden test.
"""

from django.utils.html import strip_tags
from wagtail.models import Page

from ai.prompts import Audience, Feature
from core.exceptions import InvalidInputError, NotFoundError
from courses.models import CoursePage, Exercise, LessonPage
from learning.models import Submission
from learning.selectors import exercise_get

# Longest text a prompt gets from one field; long bodies are cut, not refused.
FIELD_LIMIT = 12_000
EXPLICIT_FIELDS = ("title", "introduction", "body", "text", "code", "topic", "tags")
EXPLICIT_FIELDS += ("difficulty", "language")


def collect(feature: Feature, user, given: dict) -> dict[str, str]:
    missing = [name for name in feature.required if given.get(name) is None]
    if missing:
        raise InvalidInputError({name: [f"Required for {feature.name}."] for name in missing})
    context: dict[str, str] = {}
    if given.get("page_id") is not None:
        _require_staff(feature, "page_id")
        context.update(_page_context(given["page_id"]))
    if given.get("exercise_id") is not None:
        context.update(_exercise_context(given["exercise_id"], user))
    if given.get("submission_id") is not None:
        context.update(_submission_context(given["submission_id"], user))
    for name in EXPLICIT_FIELDS:
        if given.get(name):
            context[name] = str(given[name])
    wanted = {name: context[name][:FIELD_LIMIT] for name in feature.inputs if context.get(name)}
    if not wanted:
        fields = ", ".join(feature.inputs)
        raise InvalidInputError({"context": [f"{feature.name} needs at least one of: {fields}."]})
    return wanted


def _require_staff(feature: Feature, field_name: str) -> None:
    if feature.audience is not Audience.STAFF:
        raise InvalidInputError({field_name: [f"Not accepted for {feature.name}."]})


def _stream_text(stream_value) -> str:
    """A body as text: prose as paragraphs, code fenced so it is not read as prose."""
    parts = []
    for block in stream_value or []:
        if block.block_type == "code":
            parts.append(f"```{block.value['language']}\n{block.value['code']}\n```")
        elif block.block_type == "heading":
            parts.append(block.value["text"])
        else:
            parts.extend(block.block.get_searchable_content(block.value))
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def _page_context(page_id: int) -> dict[str, str]:
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise NotFoundError("No page with this id.")
    page = page.get_latest_revision_as_object()
    context = {"title": page.title}
    for source, name in (("introduction", "introduction"), ("summary", "introduction")):
        if getattr(page, source, ""):
            context[name] = getattr(page, source)
    if getattr(page, "difficulty", ""):
        context["difficulty"] = page.difficulty
    if hasattr(page, "tags"):
        context["tags"] = ", ".join(sorted(tag.name for tag in page.tags.all()))
    if hasattr(page, "body"):
        context["body"] = _stream_text(page.body)
    if isinstance(page, LessonPage):
        context["lesson"] = page.title
        parent = page.get_parent().specific
        if isinstance(parent, CoursePage):
            context["course"] = parent.title
            context["difficulty"] = parent.difficulty
    if isinstance(page, CoursePage):
        context["course"] = page.title
    return context


def _exercise_fields(exercise: Exercise) -> dict[str, str]:
    return {
        "exercise": exercise.title,
        "instructions": strip_tags(exercise.instructions),
        "language": exercise.language,
        "lesson": exercise.lesson.title,
    }


def _exercise_context(exercise_id: int, user) -> dict[str, str]:
    if user.is_staff:
        exercise = Exercise.objects.select_related("lesson").filter(pk=exercise_id).first()
    else:
        exercise = exercise_get(exercise_id=exercise_id)
    if exercise is None:
        raise NotFoundError("No exercise with this id.")
    return _exercise_fields(exercise)


def _submission_context(submission_id: int, user) -> dict[str, str]:
    submissions = Submission.objects.select_related("exercise__lesson")
    if not user.is_staff:
        submissions = submissions.filter(learner=user)
    submission = submissions.filter(pk=submission_id).first()
    if submission is None or submission.exercise is None:
        raise NotFoundError("No submission with this id.")
    return {
        **_exercise_fields(submission.exercise),
        "code": submission.code,
        "failing_tests": failing_visible_tests(submission.results),
    }


def failing_visible_tests(results: list[dict]) -> str:
    """The visible tests that did not pass, as the learner saw them."""
    failing = [
        result
        for result in results or []
        if not result.get("hidden") and result.get("status") != "passed"
    ]
    return "\n\n".join(
        "\n".join(
            part
            for part in (
                f"Test: {result.get('name', '')}",
                result.get("message", ""),
                result.get("output", ""),
            )
            if part
        )
        for result in failing
    )


def reveals_solution(content: str, given: dict) -> bool:
    """Whether a hint quotes the exercise's solution or one of its hidden tests.

    The prompt never contains either, so this only guards against a model that
    guesses them verbatim; any shared line of real code counts.
    """
    submission = Submission.objects.filter(pk=given.get("submission_id")).first()
    if submission is None or submission.exercise is None:
        return False
    exercise = submission.exercise
    secret_code = [exercise.solution] + [
        test["code"] for test in exercise.test_case_list if test["hidden"]
    ]
    answer_lines = {line.strip() for line in content.splitlines()}
    return any(
        line.strip() in answer_lines
        for code in secret_code
        for line in code.splitlines()
        if len(line.strip()) >= 12
    )
