import pytest
from rest_framework.test import APIRequestFactory

from blog.models import BlogPage
from delivery.router import api_router
from delivery.views import ReaderPagesAPIViewSet
from tests.factories import BlogPageFactory


def _serializer_for(page, caller):
    request = APIRequestFactory().get("/api/v2/pages/")
    request.wagtailapi_router = api_router
    serializer_class = ReaderPagesAPIViewSet._get_serializer_class(
        api_router, BlogPage, [("title", False, None)], show_details=True
    )
    context = {"request": request, "router": api_router, "caller": caller}
    return serializer_class(page, context=context)


@pytest.mark.django_db
def test_each_serializer_gets_its_own_fields_bound_to_itself(blog_index):
    page = BlogPageFactory(parent=blog_index)
    first, second = _serializer_for(page, "first"), _serializer_for(page, "second")

    assert type(first) is type(second)
    assert first.fields.keys() == second.fields.keys()
    for name, field in first.fields.items():
        assert field is not second.fields[name]
        assert field.parent is first
        assert second.fields[name].parent is second
        assert field.context["caller"] == "first"
