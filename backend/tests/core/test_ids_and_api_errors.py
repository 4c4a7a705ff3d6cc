"""Ids beyond any database's range, unknown URLs and CSRF failures under /api/: each a
4xx in the one JSON error format, never a 500 or an HTML page."""

import pytest
from django.test import Client, override_settings
from rest_framework.test import APIClient

BIG = 2**63
ID_ROUTES = [
    f"/api/v1/courses/{BIG}/",
    f"/api/v1/courses/{BIG}/enrolment/",
    f"/api/v1/lessons/{BIG}/",
    f"/api/v1/lessons/{BIG}/completion/",
    f"/api/v1/exercises/{BIG}/",
    f"/api/v1/submissions/{BIG}/",
    f"/api/v2/pages/{BIG}/",
    f"/api/v2/images/{BIG}/",
    f"/api/v2/documents/{BIG}/",
]
QUERIES = [
    f"/api/v1/submissions/?exercise={BIG}",
    f"/api/v2/pages/?offset={BIG}",
    f"/api/v2/pages/?child_of={BIG}",
]


def _is_json_error(response, status):
    assert response.status_code == status, (response.status_code, response.content[:200])
    body = response.json()
    assert set(body) >= {"status", "code", "message"}
    assert body["status"] == status


@pytest.mark.django_db
@pytest.mark.parametrize("path", ID_ROUTES)
@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_an_id_beyond_the_databases_range_is_not_found(path, method, learner_client, home):
    response = getattr(learner_client, method)(path)

    assert response.status_code in {404, 405}
    if response.status_code == 404:
        _is_json_error(response, 404)


@pytest.mark.django_db
@pytest.mark.parametrize("path", QUERIES)
def test_a_filter_beyond_the_databases_range_is_a_400(path, learner_client, home):
    _is_json_error(learner_client.get(path), 400)


@pytest.mark.django_db
@override_settings(DEBUG=True)
@pytest.mark.parametrize(
    "path", ["/api/nothing-here/", "/api/v1/courses/abc/", "/api/v1/nope", "/api/v2/pages/x1/"]
)
def test_unknown_urls_and_malformed_ids_under_api_are_json_404s_even_with_debug_on(path, home):
    _is_json_error(APIClient().get(path), 404)


@pytest.mark.django_db
def test_a_csrf_failure_under_api_is_a_json_403(learner, course):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)

    response = client.put(f"/api/v1/courses/{course.pk}/enrolment/")

    _is_json_error(response, 403)
    assert response.json()["code"] == "csrf_failed"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["limit=-1", "limit=0", "limit=51", "limit=abc", "offset=-5", "offset=x", "limit=1.5"]
)
def test_learning_api_pages_refuse_bad_limits_and_offsets_like_the_content_api(query, home):
    response = APIClient().get(f"/api/v1/courses/?{query}")

    _is_json_error(response, 400)
    assert set(response.json()["fields"]) <= {"limit", "offset"}


@pytest.mark.django_db
def test_learning_api_pages_accept_their_bounds(home):
    assert APIClient().get("/api/v1/courses/?limit=50&offset=0").status_code == 200
