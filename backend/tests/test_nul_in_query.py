"""A NUL in any query parameter of any GET operation is a 4xx in the error format.

PostgreSQL refuses NUL in text, so a value that reached a query unchecked was a 500.
"""

import re

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient


def _query_parameters_of_get_operations():
    document = SchemaGenerator().get_schema(request=None, public=True)
    for path, operations in document["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["in"] == "query":
                yield re.sub(r"\{[^}]+\}", "1", path), parameter["name"]


@pytest.mark.django_db
def test_nul_in_any_query_parameter_is_a_client_error(staff, blog_index, course, lessons):
    client = APIClient(raise_request_exception=False)
    client.force_login(staff)
    parameters = list(_query_parameters_of_get_operations())
    assert ("/api/v2/pages/", "search") in parameters
    assert ("/api/v1/courses/", "difficulty") in parameters

    answers = {}
    for path, name in parameters:
        response = client.get(path, {name: "a\x00b"})
        is_json = response["Content-Type"].startswith("application/json")
        answers[(path, name)] = (response.status_code, is_json and "code" in response.json())
    refused = {
        key: answer
        for key, answer in answers.items()
        if answer[0] >= 500 or (answer[0] >= 400 and not answer[1])
    }

    assert refused == {}
