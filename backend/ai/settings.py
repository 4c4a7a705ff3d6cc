"""wagtail-ai's settings, derived from the same environment as the AI service.

Imported by config/settings, so nothing here may import Django models.
"""

OFFLINE_MODEL = "offline-extractive"
OPENAI_BASE_URL = "https://api.openai.com/v1"


def provider_config(*, api_key: str, base_url: str, model: str, timeout: float) -> dict | None:
    """The any-llm provider for the configured model, or None for the offline engine."""
    if not api_key and not base_url:
        return None
    return {
        "provider": "openai",
        "model": model,
        "api_base": base_url or OPENAI_BASE_URL,
        # Servers such as Ollama need no key, but the client insists on one.
        "api_key": api_key or "not-needed",
        "unified_exceptions": True,
        # One attempt per charge: retries would be paid calls the ledger never saw.
        "max_retries": 0,
        "timeout": timeout,
    }


def wagtail_ai_settings(*, api_key: str, base_url: str, model: str, timeout: float) -> dict:
    provider = provider_config(api_key=api_key, base_url=base_url, model=model, timeout=timeout)
    # Offline, wagtail-ai has no provider of its own: every admin AI request is
    # answered by ai.admin_views through the AI service and its offline engine.
    return {"PROVIDERS": {"default": provider} if provider else {}}
