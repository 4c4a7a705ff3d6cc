"""The "Generate with AI" widgets are on the admin's edit forms, loaded through Media."""

import pytest

from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.com", "pw-x9!"))
    return client


def test_blog_edit_form_has_the_introduction_button_and_wagtail_ai_panels(
    editor_client, blog_index
):
    post = BlogPageFactory(parent=blog_index)

    html = editor_client.get(f"/admin/pages/{post.pk}/edit/").content.decode()

    assert 'aria-label="Generate with AI: Blog post introduction"' in html
    assert 'role="status" aria-live="polite"' in html
    assert "ai/generate.js" in html
    assert "ai/draftail_widget.js" in html  # the body's sections
    assert 'data-wai-field-panel-prompts-value="[&quot;page_title_prompt&quot;]"' in html
    assert "page_description_prompt" in html
    assert "ai/headless_content.js" in html


def test_lesson_edit_form_has_exercise_and_test_buttons(editor_client, lessons):
    html = editor_client.get(f"/admin/pages/{lessons[0].pk}/edit/").content.decode()

    assert 'aria-label="Generate with AI: Exercise from a lesson"' in html
    assert "generate_tests" in html
