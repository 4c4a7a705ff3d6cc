"""Batch the database look-ups that serialising StreamFields would otherwise make per page.

Stock Wagtail resolves each page's stream images and rich-text links with their
own queries (N+1 across a listing; wagtail#11484). Before serialising a set of
pages we walk their raw stream data once, fetch every referenced image, page and
document in one query per model, and park the results in a context variable that
the image blocks and rich-text handlers read first.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import extract_references_from_rich_text

from delivery.images import images_with_renditions, loaded_images
from delivery.querysets import annotated_image_ids
from delivery.urls import frontend_page_path
from delivery.visibility import public_page_locations


@dataclass
class References:
    image_ids: set[int] = field(default_factory=set)
    page_ids: set[int] = field(default_factory=set)
    document_ids: set[int] = field(default_factory=set)


@dataclass
class PrefetchedObjects:
    images: dict = field(default_factory=dict)
    # Linked pages that readers may see, by id, mapped to their frontend path.
    page_paths: dict = field(default_factory=dict)
    # Ids that were looked up, so that a missing object is not fetched again.
    looked_up_page_ids: set = field(default_factory=set)
    documents: dict = field(default_factory=dict)


_current: ContextVar[PrefetchedObjects | None] = ContextVar("delivery_prefetched", default=None)


def current() -> PrefetchedObjects | None:
    return _current.get()


def as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _collect_rich_text(html: str, refs: References) -> None:
    document_model = get_document_model()
    for model, object_id, _path, _content_path in extract_references_from_rich_text(html or ""):
        object_id = as_int(object_id)
        if object_id is None:
            continue
        if issubclass(model, Page):
            refs.page_ids.add(object_id)
        elif issubclass(model, document_model):
            refs.document_ids.add(object_id)
        else:
            refs.image_ids.add(object_id)


def _collect(block: blocks.Block, raw, refs: References) -> None:
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                _collect(child, item.get("value"), refs)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            _collect(block.child_block, value, refs)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                _collect(child, raw.get(name), refs)
    elif isinstance(block, ImageChooserBlock):
        if (image_id := as_int(raw)) is not None:
            refs.image_ids.add(image_id)
    elif isinstance(block, blocks.PageChooserBlock):
        if (page_id := as_int(raw)) is not None:
            refs.page_ids.add(page_id)
    elif isinstance(block, blocks.RichTextBlock):
        _collect_rich_text(raw, refs)


def collect_references(instances: Iterable) -> References:
    refs = References()
    for instance in instances:
        refs.image_ids |= annotated_image_ids(instance)
        for model_field in type(instance)._meta.get_fields():
            if isinstance(model_field, StreamField):
                stream = getattr(instance, model_field.attname)
                _collect(model_field.stream_block, list(stream.raw_data), refs)
    return refs


def fetch(refs: References, instances=(), request=None) -> PrefetchedObjects:
    prefetched = PrefetchedObjects()
    prefetched.images = _images(refs.image_ids, instances)
    if refs.page_ids:
        prefetched.page_paths = public_page_paths(refs.page_ids, request)
        prefetched.looked_up_page_ids = set(refs.page_ids)
    if refs.document_ids:
        prefetched.documents = get_document_model().objects.in_bulk(refs.document_ids)
    return prefetched


def public_page_paths(ids, request=None) -> dict[int, str | None]:
    """Frontend paths of the pages among ``ids`` that readers may see, by id."""
    return {page.pk: frontend_page_path(page, request) for page in public_page_locations(ids)}


def _images(stream_image_ids: set[int], instances) -> dict:
    """Stream images by id, with their renditions and those of the images already
    loaded with ``instances``, in one query."""
    return images_with_renditions(stream_image_ids, loaded=loaded_images(instances))


def prefetched_image(image_id: int | None):
    """An image with its API renditions: from the batch being serialised, else fetched."""
    if image_id is None:
        return None
    prefetched = current()
    if prefetched is not None and image_id in prefetched.images:
        return prefetched.images[image_id]
    return images_with_renditions([image_id]).get(image_id)


@contextmanager
def prefetched_references(instances: Iterable, request=None) -> Iterator[PrefetchedObjects]:
    """Serialise ``instances`` inside this block to resolve their references in bulk."""
    instances = list(instances)
    prefetched = fetch(collect_references(instances), instances, request=request)
    token = _current.set(prefetched)
    try:
        yield prefetched
    finally:
        _current.reset(token)
