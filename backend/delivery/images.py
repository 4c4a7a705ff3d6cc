"""How images reach the API: alt text, intrinsic size and responsive renditions."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from delivery.urls import backend_url

RENDITION_WIDTHS = (480, 960, 1600)
RENDITION_SPECS = tuple(f"width-{width}" for width in RENDITION_WIDTHS)
RICH_TEXT_RENDITION_SPEC = "width-960"
ALL_RENDITION_SPECS = RENDITION_SPECS


def alt_text_for(image, alt: str = "") -> str:
    return alt or image.description or image.title


def image_representation(image, *, alt: str = "") -> dict | None:
    """``{id, alt, width, height, renditions: [{url, width, height}]}``, smallest first."""
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITION_SPECS)
    unique = {}
    for rendition in renditions.values():
        # Wagtail never upscales, so small originals give several equal renditions.
        unique.setdefault(rendition.width, rendition)
    return {
        "id": image.pk,
        "alt": alt_text_for(image, alt),
        "width": image.width,
        "height": image.height,
        "renditions": [
            {
                "url": backend_url(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
            for rendition in sorted(unique.values(), key=lambda rendition: rendition.width)
        ],
    }


def images_with_renditions(ids):
    """Images by id with every API rendition fetched in the same round trip."""
    queryset = (
        get_image_model().objects.filter(pk__in=set(ids)).prefetch_renditions(*ALL_RENDITION_SPECS)
    )
    return {image.pk: image for image in queryset}


def renditions_prefetch(image_lookup: str) -> Prefetch:
    """Prefetch the API renditions of the image at ``image_lookup`` (e.g. ``hero_image``)."""
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{image_lookup}__renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=ALL_RENDITION_SPECS),
        to_attr="prefetched_renditions",
    )
