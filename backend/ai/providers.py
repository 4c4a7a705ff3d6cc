"""Where answers come from: the configured chat-completions provider, or the offline engine.

The chat provider is wagtail-ai's own any-llm client, built from
``WAGTAIL_AI["PROVIDERS"]["default"]`` (see ai/settings.py), so the admin's
built-ins and our features talk to the model through the same code.
"""

from dataclasses import dataclass

import httpx
import openai
from any_llm.exceptions import GatewayTimeoutError
from django.conf import settings
from wagtail_ai.agents.base import get_llm_service

from ai import offline
from ai.prompts import Feature


class ProviderError(Exception):
    """The provider failed or answered something unusable: a 503 for the client."""


class ProviderTimeoutError(ProviderError):
    """The provider did not answer in time: a 504 for the client."""


@dataclass(frozen=True)
class Completion:
    content: str
    model: str
    # None when the provider did not report usage.
    prompt_tokens: int | None
    completion_tokens: int | None


_TIMEOUTS = (GatewayTimeoutError, openai.APITimeoutError, httpx.TimeoutException, TimeoutError)


class OfflineProvider:
    name = "offline"
    priced = False

    @property
    def model(self) -> str:
        return offline.MODEL

    def complete(self, feature: Feature, context: dict, messages: list[dict]) -> Completion:
        content = offline.answer(feature, context)
        prompt_words = sum(len(str(message["content"]).split()) for message in messages)
        return Completion(content, self.model, prompt_words, len(content.split()))


class ChatProvider:
    priced = True

    @property
    def name(self) -> str:
        return "openai-compatible" if settings.AI_BASE_URL else "openai"

    @property
    def model(self) -> str:
        return settings.AI_MODEL

    def complete(self, feature: Feature, context: dict, messages: list[dict]) -> Completion:
        try:
            response = get_llm_service().completion(
                messages=messages,
                max_tokens=feature.max_output_tokens,
                timeout=settings.AI_TIMEOUT_SECONDS,
            )
        except Exception as exc:
            raise (ProviderTimeoutError if _is_timeout(exc) else ProviderError) from exc
        return _completion_from(response, self.model)


def _is_timeout(exc: BaseException | None) -> bool:
    """Whether ``exc``, or an error it wraps, is a timeout (any-llm wraps the SDK's)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, _TIMEOUTS):
            return True
        seen.add(id(exc))
        exc = getattr(exc, "original_exception", None) or exc.__cause__ or exc.__context__
    return False


def _completion_from(response, requested_model: str) -> Completion:
    try:
        content = response.choices[0].message.content
    except (AttributeError, IndexError, TypeError) as exc:
        raise ProviderError from exc
    if not isinstance(content, str) or not content.strip():
        raise ProviderError
    usage = getattr(response, "usage", None)
    return Completion(
        content=content.strip(),
        model=str(getattr(response, "model", "") or requested_model),
        prompt_tokens=getattr(usage, "prompt_tokens", None),
        completion_tokens=getattr(usage, "completion_tokens", None),
    )


def active_provider() -> OfflineProvider | ChatProvider:
    if settings.WAGTAIL_AI.get("PROVIDERS", {}).get("default"):
        return ChatProvider()
    return OfflineProvider()
