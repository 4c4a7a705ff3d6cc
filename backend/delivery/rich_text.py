"""Rich-text handlers that emit reader-facing HTML.

Page links point at the frontend and only ever at pages readers may see (a link
to a draft or private page keeps its text but loses its href); images and
documents get absolute backend URLs. Each handler reads the batch prefetched by
``delivery.prefetch`` first and queries only for what is missing.
"""

from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.rich_text.pages import PageLinkHandler

from delivery import prefetch
from delivery.images import RICH_TEXT_RENDITION_SPEC, alt_text_for, images_with_renditions
from delivery.urls import backend_url, frontend_url


def _ids(attrs_list: list[dict]) -> list[int | None]:
    return [prefetch.as_int(attrs.get("id")) for attrs in attrs_list]


def _page_paths(ids: list[int | None]) -> dict[int, str]:
    prefetched = prefetch.current()
    wanted = {page_id for page_id in ids if page_id is not None}
    if prefetched is not None and wanted <= prefetched.looked_up_page_ids:
        return prefetched.page_paths
    return prefetch.public_page_paths(wanted)


class FrontendPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        ids = _ids(attrs_list)
        paths = _page_paths(ids)
        return [
            f'<a href="{escape(frontend_url(paths[page_id]))}">'
            if paths.get(page_id) is not None
            else "<a>"
            for page_id in ids
        ]


def _images(ids: list[int | None]) -> dict:
    prefetched = prefetch.current()
    known = prefetched.images if prefetched is not None else {}
    missing = {image_id for image_id in ids if image_id is not None and image_id not in known}
    return {**known, **images_with_renditions(missing)} if missing else known


class FrontendImageEmbedHandler(ImageEmbedHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        ids = _ids(attrs_list)
        images = _images(ids)
        tags = []
        for attrs, image_id in zip(attrs_list, ids, strict=True):
            image = images.get(image_id)
            if image is None:
                tags.append('<img alt="">')
                continue
            rendition = image.get_rendition(RICH_TEXT_RENDITION_SPEC)
            fmt = escape(attrs.get("format", ""))
            alt = escape(alt_text_for(image, attrs.get("alt", "")))
            tags.append(
                f'<img src="{escape(backend_url(rendition.url))}" width="{rendition.width}" '
                f'height="{rendition.height}" alt="{alt}" class="richtext-image {fmt}" '
                'loading="lazy">'
            )
        return tags


class BackendDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        ids = _ids(attrs_list)
        prefetched = prefetch.current()
        documents = prefetched.documents if prefetched is not None else {}
        missing = {doc_id for doc_id in ids if doc_id is not None and doc_id not in documents}
        if missing:
            documents = {**documents, **get_document_model().objects.in_bulk(missing)}
        return [
            f'<a href="{escape(backend_url(documents[doc_id].url))}">'
            if doc_id in documents
            else "<a>"
            for doc_id in ids
        ]
