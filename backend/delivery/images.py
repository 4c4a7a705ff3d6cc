"""How images reach the API: alt text, intrinsic size and responsive renditions."""

from collections import defaultdict

from wagtail.images import get_image_model

from delivery.querysets import annotated_json, with_related_rows
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


def attach_renditions(images) -> None:
    """Give every image object its API renditions, fetched in one query for all of them."""
    images = list(images)
    if not images:
        return
    rendition_model = get_image_model().get_rendition_model()
    by_image = defaultdict(list)
    for rendition in rendition_model.objects.filter(
        image_id__in={image.pk for image in images}, filter_spec__in=ALL_RENDITION_SPECS
    ):
        by_image[rendition.image_id].append(rendition)
    for image in images:
        # Copies per object: Wagtail appends renditions it creates to this list.
        image.prefetched_renditions = list(by_image[image.pk])


def images_with_renditions(ids, *, loaded=()) -> dict:
    """Images by id, each with its API renditions, in one query.

    Images already ``loaded`` (with their pages) are not fetched again as objects,
    but get their renditions from the same query.
    """
    rendition_model = get_image_model().get_rendition_model()
    images = {image.pk: image for image in loaded}
    wanted = set(ids) | images.keys()
    if not wanted:
        return images
    for fetched in _with_api_renditions(get_image_model().objects.filter(pk__in=wanted)):
        image = images.setdefault(fetched.pk, fetched)
        rows = annotated_json(fetched, "api_renditions") or []
        image.prefetched_renditions = [rendition_model(image=image, **row) for row in rows]
    return images


# Fields whose column has the same name.
_RENDITION_COLUMNS = ("id", "filter_spec", "file", "width", "height", "focal_point_key")


def _with_api_renditions(queryset):
    rendition_model = get_image_model().get_rendition_model()
    meta = rendition_model._meta
    placeholders = ", ".join(["%s"] * len(ALL_RENDITION_SPECS))
    return with_related_rows(
        queryset,
        "api_renditions",
        table=meta.db_table,
        owner_column=meta.get_field("image").column,
        columns=_RENDITION_COLUMNS,
        where=(f"{meta.get_field('filter_spec').column} IN ({placeholders})", ALL_RENDITION_SPECS),
    )


def loaded_images(instances) -> list:
    """Image objects already fetched with ``instances`` or with their prefetched relations
    (a page's hero image, its authors' photos), so that no image is fetched twice."""
    image_model = get_image_model()
    found = []
    for instance in instances:
        found += _cached_images(instance, image_model)
        for related in getattr(instance, "_prefetched_objects_cache", {}).values():
            for related_object in getattr(related, "_result_cache", None) or []:
                found += _cached_images(related_object, image_model)
    return found


def _cached_images(instance, image_model) -> list:
    loaded_image_fields = [
        model_field
        for model_field in type(instance)._meta.concrete_fields
        if model_field.is_relation
        and issubclass(model_field.related_model, image_model)
        and model_field.is_cached(instance)
    ]
    cached = (model_field.get_cached_value(instance) for model_field in loaded_image_fields)
    return [image for image in cached if image is not None]
