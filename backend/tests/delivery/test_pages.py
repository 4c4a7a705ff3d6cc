import pytest


@pytest.mark.django_db
def test_page_urls_point_at_the_frontend(blog_index):
    assert blog_index.url == "http://frontend.test/blog/"
    assert blog_index.full_url == "http://frontend.test/blog/"
    assert blog_index.get_url() == "http://frontend.test/blog/"


@pytest.mark.django_db
def test_the_site_root_is_the_frontend_home(home):
    assert home.url == "http://frontend.test/"


@pytest.mark.django_db
def test_the_admin_view_live_link_points_at_the_frontend(client, blog_index, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw-123-abc")
    client.force_login(editor)

    response = client.get(f"/admin/pages/{blog_index.pk}/edit/")

    assert response.status_code == 200
    assert 'href="http://frontend.test/blog/"' in response.content.decode()
