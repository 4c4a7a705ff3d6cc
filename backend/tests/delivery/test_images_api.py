import pytest
from django.contrib.auth.models import Group
from wagtail.models import CollectionViewRestriction

from tests.factories import ImageFactory, root_collection


@pytest.fixture
def private_collection(db):
    collection = root_collection().add_child(name="Private")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Insiders"))
    return collection


@pytest.mark.django_db
def test_images_in_restricted_collections_are_not_listed_or_served(api_client, private_collection):
    public = ImageFactory(title="Public")
    private = ImageFactory(title="Private", collection=private_collection)

    listing = api_client.get("/api/v2/images/")

    assert [item["id"] for item in listing.json()["items"]] == [public.pk]
    assert api_client.get(f"/api/v2/images/{private.pk}/").status_code == 404


@pytest.mark.django_db
def test_images_in_child_collections_of_restricted_ones_are_hidden(api_client, private_collection):
    nested = private_collection.add_child(name="Nested")
    image = ImageFactory(collection=nested)

    assert api_client.get(f"/api/v2/images/{image.pk}/").status_code == 404
