import pytest

ALLOWED = "http://frontend.test"


@pytest.mark.django_db
def test_an_allowed_origin_is_echoed_with_vary_origin_and_no_credentials(client):
    response = client.get("/api/v1/courses/", HTTP_ORIGIN=ALLOWED)

    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "origin" in response["Vary"].lower()
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.django_db
@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://frontend.test.evil"])
def test_other_origins_get_no_cors_headers(client, origin):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=origin)

    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.django_db
def test_preflight_from_the_frontend_allows_the_session_and_csrf_headers(client):
    response = client.options(
        "/api/v1/submissions/",
        HTTP_ORIGIN=ALLOWED,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, x-csrftoken",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "x-csrftoken" in response["Access-Control-Allow-Headers"].lower()


def test_cors_covers_only_the_apis(settings):
    assert settings.CORS_URLS_REGEX == r"^/api/.*$"
    assert not getattr(settings, "CORS_ALLOW_ALL_ORIGINS", False)
