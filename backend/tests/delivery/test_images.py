import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from delivery.images import RENDITION_SPECS, image_representation, images_with_renditions
from tests.factories import ImageFactory


def _with_renditions(image):
    image.get_renditions(*RENDITION_SPECS)
    return image


@pytest.mark.django_db
def test_images_with_renditions_takes_one_query_and_then_none_to_serialise():
    stream_image = _with_renditions(ImageFactory())
    hero = _with_renditions(ImageFactory())
    hero_loaded_with_its_page = get_image_model().objects.get(pk=hero.pk)

    with CaptureQueriesContext(connection) as fetching:
        images = images_with_renditions({stream_image.pk}, loaded=[hero_loaded_with_its_page])
    with CaptureQueriesContext(connection) as serialising:
        representations = {pk: image_representation(image) for pk, image in images.items()}

    assert len(fetching) == 1
    assert len(serialising) == 0
    assert images[hero.pk] is hero_loaded_with_its_page
    assert representations[stream_image.pk] == image_representation(stream_image)
    assert [r["width"] for r in representations[hero.pk]["renditions"]] == [480, 960, 1200]


@pytest.mark.django_db
def test_images_with_renditions_skips_unknown_ids_and_needs_no_query_for_none():
    image = _with_renditions(ImageFactory())

    with CaptureQueriesContext(connection) as nothing_asked:
        assert images_with_renditions(set()) == {}

    assert len(nothing_asked) == 0
    assert set(images_with_renditions({image.pk, image.pk + 1000})) == {image.pk}


@pytest.mark.django_db
def test_an_image_without_renditions_yet_gets_them_made():
    image = ImageFactory()

    representation = image_representation(images_with_renditions({image.pk})[image.pk])

    assert [r["width"] for r in representation["renditions"]] == [480, 960, 1200]
