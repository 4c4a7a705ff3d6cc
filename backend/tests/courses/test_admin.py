import pytest


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw-123-abc")
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_editors_get_the_course_and_lesson_forms(editor_client, course, lessons):
    add_lesson = editor_client.get(
        f"/admin/pages/add/courses/lessonpage/{course.pk}/",
    )
    edit_course = editor_client.get(f"/admin/pages/{course.pk}/edit/")
    edit_lesson = editor_client.get(f"/admin/pages/{lessons[0].pk}/edit/")

    assert (add_lesson.status_code, edit_course.status_code, edit_lesson.status_code) == (
        200,
        200,
        200,
    )
    assert "Exercises" in edit_lesson.content.decode()


@pytest.mark.django_db
def test_previews_open_the_frontend_with_a_signed_token(rf, lessons):
    request = rf.get("/")

    response = lessons[0].serve_preview(request, "")

    html = response.content.decode()
    assert "http://frontend.test/api/preview?content_type=courses.lessonpage" in html
    assert "token=" in html
