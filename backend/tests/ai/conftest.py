import pytest

from ai.settings import wagtail_ai_settings
from tests.support.llm_server import LLMServer

TEST_MODEL = "test-model"


@pytest.fixture
def llm_server():
    server = LLMServer().start()
    yield server
    server.stop()


@pytest.fixture
def ai_provider(settings, llm_server):
    """Point the AI service (and wagtail-ai) at the loopback server."""
    settings.AI_BASE_URL = llm_server.base_url
    settings.AI_MODEL = TEST_MODEL
    settings.AI_TIMEOUT_SECONDS = 2.0
    settings.WAGTAIL_AI = wagtail_ai_settings(
        api_key="", base_url=llm_server.base_url, model=TEST_MODEL, timeout=2.0
    )
    return llm_server
