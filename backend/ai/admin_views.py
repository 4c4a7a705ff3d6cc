"""wagtail-ai's admin endpoints, answered by the AI service.

wagtail-ai's JavaScript (title and description panels, image fields, the Checks
panel's content feedback) posts to ``/admin/ai/...``. Those paths are routed here
first, so every built-in goes through our cache, limits, budget and ledger,
works with the offline engine, and fails with our JSON errors instead of a 500.
"""

from django.urls import path
from django.utils.html import strip_tags
from rest_framework import exceptions, serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.images import get_image_model
from wagtail_ai.agents.base import get_agent_settings
from wagtail_ai.agents.basic_prompt import BasicPromptAgent

from ai import services
from ai.prompts import FEATURES

_SETTING_PROMPT_FEATURES = {
    "page_title_prompt": "page_title",
    "page_description_prompt": "page_description",
    "image_title_prompt": "image_title",
    "image_description_prompt": "image_description",
    "contextual_alt_text_prompt": "image_alt_text",
}

FEEDBACK_INSTRUCTIONS = """Review the content below. Reply with JSON only, no code fences:
{{"quality_score": 1, 2 or 3 (needs major improvement, adequate, excellent),
 "qualitative_feedback": [3 to 5 short points on strengths and weaknesses, in {editor_language}],
 "specific_improvements": [{{"original_text": "...", "suggested_text": "... in {content_language}",
   "explanation": "... in {editor_language}"}}, at least one]}}
Write plain text, no HTML and no markdown.

Content to review:

{content}"""


class CanAccessAdmin(BasePermission):
    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


class _WagtailAIJSONParser(JSONParser):
    """wagtail-ai's fetch() sends its JSON body without a Content-Type, so as text/plain."""

    media_type = "text/plain"


class _AdminAIView(APIView):
    # Cookie sessions only, so Django's CSRF check applies (wagtail-ai sends the token).
    authentication_classes = [SessionAuthentication]
    parser_classes = [JSONParser, _WagtailAIJSONParser]
    permission_classes = [CanAccessAdmin]
    schema = None

    def completed(self, data) -> Response:
        return Response(
            {"status": "completed", "data": data}, headers={"Cache-Control": "no-store"}
        )


class _PromptArguments(serializers.Serializer):
    prompt = serializers.CharField(max_length=5000)
    context = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)


class _BasicPromptRequest(serializers.Serializer):
    arguments = _PromptArguments()


class BasicPromptView(_AdminAIView):
    """Titles, descriptions and image texts from wagtail-ai's field panels."""

    def post(self, request):
        incoming = _BasicPromptRequest(data=request.data)
        incoming.is_valid(raise_exception=True)
        prompt = incoming.validated_data["arguments"]["prompt"]
        given = incoming.validated_data["arguments"].get("context", {})
        feature = FEATURES[_feature_for_prompt(prompt)]
        messages = _agent_messages(prompt, given)
        context = {"prompt": prompt, "text": _plain_text(given), "image": _image_label(given)}
        context["max_length"] = given.get("max_length") or ""
        generation = services.generate_from_context(
            user=request.user, feature=feature, context=context, given={}, messages=messages
        )
        return self.completed(generation.content)


def _feature_for_prompt(prompt: str) -> str:
    agent_settings = get_agent_settings()
    for setting_name, feature in _SETTING_PROMPT_FEATURES.items():
        if getattr(agent_settings, setting_name, None) == prompt:
            return feature
    return "custom_prompt"


def _agent_messages(prompt: str, given: dict) -> list[dict]:
    """The messages wagtail-ai itself would send, images included."""
    agent = BasicPromptAgent()
    agent.prompt = prompt
    try:
        agent.context = agent.validate_context(prompt, dict(given))
        # str.format_map on the editor's prompt: "{0}", "{a.b}" or a lone "{" raise here.
        return agent._get_prompt_messages()
    except Exception as exc:
        # wagtail-ai raises ValidationError, lookup or format errors: all bad input.
        raise exceptions.ValidationError(
            {"prompt": ["The prompt's placeholders or the image are invalid."]}
        ) from exc


def _plain_text(given: dict) -> str:
    html = given.get("content_html", "")
    # Paragraph breaks survive as blank lines, so the offline engine sees sentences.
    text_of_html = strip_tags(html.replace("</p>", "\n\n")) if html else ""
    parts = [given.get("content_text", "") or text_of_html, given.get("input", "")]
    parts += [given.get("form_context_before", ""), given.get("form_context_after", "")]
    return "\n\n".join(part for part in parts if part)


def _image_label(given: dict) -> str:
    image = given.get("image", "")
    if image.isdigit():
        found = get_image_model().objects.filter(pk=int(image)).first()
        return found.title if found else ""
    return "Uploaded image" if image else ""


class _FeedbackArguments(serializers.Serializer):
    content_text = serializers.CharField(max_length=50_000)
    content_html = serializers.CharField(max_length=200_000, required=False, allow_blank=True)
    content_language = serializers.CharField(max_length=80, required=False, default="English")
    editor_language = serializers.CharField(max_length=80, required=False, default="English")


class _FeedbackRequest(serializers.Serializer):
    arguments = _FeedbackArguments()


class ContentFeedbackView(_AdminAIView):
    """The Checks panel's content feedback."""

    def post(self, request):
        incoming = _FeedbackRequest(data=request.data)
        incoming.is_valid(raise_exception=True)
        arguments = incoming.validated_data["arguments"]
        prompt = FEEDBACK_INSTRUCTIONS.format(
            content=arguments["content_text"],
            content_language=arguments["content_language"],
            editor_language=arguments["editor_language"],
        )
        extra = get_agent_settings().content_feedback_prompt
        messages = [{"role": "user", "content": prompt}]
        if extra:
            messages.insert(0, {"role": "system", "content": extra})
        generation = services.generate_from_context(
            user=request.user,
            feature=FEATURES["content_feedback"],
            context={"prompt": prompt, "text": arguments["content_text"]},
            given={},
            messages=messages,
        )
        return self.completed(services.feedback_data(generation.content))


class NotOffered(_AdminAIView):
    """wagtail-ai features this site does not offer (legacy completion, vector suggestions)."""

    def post(self, request):
        raise exceptions.NotFound("This AI feature is not enabled on this site.")

    get = post


wagtail_ai_overrides = [
    path("basic_prompt/", BasicPromptView.as_view()),
    path("content_feedback/", ContentFeedbackView.as_view()),
    path("text_completion/", NotOffered.as_view()),
    path("describe_image/", NotOffered.as_view()),
    path("suggested_content/", NotOffered.as_view()),
]
