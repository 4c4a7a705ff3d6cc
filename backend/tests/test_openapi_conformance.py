"""Real responses, checked against the generated OpenAPI document."""

import jsonschema
import pytest
from drf_spectacular.generators import SchemaGenerator

from learning.services import enrolment_create
from learning.submissions import submission_create
from tests.factories import ImageFactory


@pytest.fixture(scope="module")
def document():
    return SchemaGenerator().get_schema(request=None, public=True)


def _json_schema(node):
    """OpenAPI 3.0's ``nullable`` as JSON Schema's null type."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _json_schema(value) for key, value in node.items() if key != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def _assert_conforms(document, response, path, method="get"):
    operation = document["paths"][path][method]
    content = operation["responses"][str(response.status_code)]["content"]["application/json"]
    schema = {**content["schema"], "components": _json_schema(document["components"])}
    jsonschema.validate(response.json(), _json_schema(schema))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["", "?type=blog.BlogPage&fields=*", "?type=blog.BlogPage&fields=_,title", "?bogus=1"],
)
def test_page_listings_conform(api_client, document, every_block, query):
    response = api_client.get(f"/api/v2/pages/{query}")

    _assert_conforms(document, response, "/api/v2/pages/")


@pytest.mark.django_db
def test_page_details_of_every_type_conform(api_client, document, every_block, course, lessons):
    post, _image = every_block
    for page in (post, post.get_parent(), course, lessons[0], course.get_parent()):
        response = api_client.get(f"/api/v2/pages/{page.pk}/")
        _assert_conforms(document, response, "/api/v2/pages/{id}/")
    _assert_conforms(document, api_client.get("/api/v2/pages/0/"), "/api/v2/pages/{id}/")


@pytest.mark.django_db
def test_images_conform(api_client, document):
    image = ImageFactory()

    _assert_conforms(document, api_client.get("/api/v2/images/"), "/api/v2/images/")
    _assert_conforms(
        document, api_client.get(f"/api/v2/images/{image.pk}/"), "/api/v2/images/{id}/"
    )


@pytest.mark.django_db
def test_learning_responses_conform(learner_client, learner, document, course, lessons):
    enrolment_create(learner=learner, course=course)
    submission = submission_create(
        learner=learner, exercise=lessons[0].exercises.get(), code="answer = lambda: 42"
    )
    checks = [
        ("/api/v1/courses/", "/api/v1/courses/"),
        (f"/api/v1/courses/{course.pk}/", "/api/v1/courses/{course_id}/"),
        (f"/api/v1/lessons/{lessons[0].pk}/", "/api/v1/lessons/{lesson_id}/"),
        (
            f"/api/v1/exercises/{lessons[0].exercises.get().pk}/",
            "/api/v1/exercises/{exercise_id}/",
        ),
        ("/api/v1/submissions/", "/api/v1/submissions/"),
        (f"/api/v1/submissions/{submission.pk}/", "/api/v1/submissions/{submission_id}/"),
        ("/api/v1/progress/", "/api/v1/progress/"),
        ("/api/v1/dashboard/", "/api/v1/dashboard/"),
        ("/api/v1/me/", "/api/v1/me/"),
        ("/api/v1/submissions/?status=nope", "/api/v1/submissions/"),
    ]
    for url, path in checks:
        _assert_conforms(document, learner_client.get(url), path)
