import re

import pytest
from drf_spectacular.generators import SchemaGenerator
from wagtail.models import get_page_models

from delivery.openapi import PAGE_SCHEMAS, _PageSchema
from tests.support.url_policies import POLICIES, api_v1_patterns


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _openapi_path(route: str) -> str:
    return "/" + re.sub(r"<(?:int|id):(\w+)>", r"{\1}", route)


def test_every_learning_api_operation_is_documented(schema):
    for name, route in api_v1_patterns():
        path = schema["paths"].get(_openapi_path(route))
        assert path is not None, route
        for method in POLICIES[name][1]:
            assert method in path, (route, method)


def test_private_operations_document_their_401_in_the_error_format(schema):
    for name, route in api_v1_patterns():
        policy, methods = POLICIES[name]
        if policy == "public":
            continue
        for method in methods:
            response = schema["paths"][_openapi_path(route)][method]["responses"]["401"]
            ref = response["content"]["application/json"]["schema"]["$ref"]
            assert ref == "#/components/schemas/Error", (route, method)


def test_both_authentication_schemes_are_described(schema):
    schemes = schema["components"]["securitySchemes"]

    assert schemes["sessionToken"]["name"] == "X-Session-Token"
    assert schemes["cookieAuth"]["in"] == "cookie"


@pytest.mark.django_db
def test_the_schema_and_its_docs_are_served(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert "drf_spectacular_sidecar" in docs.content.decode()


def _page_models():
    return [model for model in get_page_models() if getattr(model, "api_fields", None)]


def test_every_page_types_api_fields_are_its_documented_schema():
    # A new APIField must ship with its schema (delivery/openapi.py), and the reverse.
    base = set(_PageSchema().fields)
    documented = {schema.Meta.ref_name: set(schema().fields) - base for schema in PAGE_SCHEMAS}
    declared = {
        model.__name__: {field.name for field in model.api_fields} for model in _page_models()
    }

    assert documented == declared
