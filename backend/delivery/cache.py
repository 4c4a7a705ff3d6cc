"""Published content served from the cache, revalidated with ETags.

Public content responses are the same for every reader, so whole responses
are kept in the cache under a *generation* number. Any change that can alter
what the content API shows (a page saved, published, unpublished, moved or
deleted; a restriction, site, image, document, author, category or tag
changed) starts a new generation, which retires every stored response at once;
it is started again when the transaction commits, so a response rendered from
the old data in between cannot survive either. Readers get an ETag and
``Cache-Control: public, max-age=0, s-maxage=1``: browsers ask again every time
(cheaply, with If-None-Match); a shared cache in front may keep a copy one second,
and nginx (X-Accel-Expires) only to the end of the second it was made in.

The cache is an accelerator, never a dependency: when Redis is unreachable the
cache backend (core.cache) misses, and responses are rendered from the database.
"""

import hashlib
import re
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from taggit.models import Tag
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import post_page_move

CACHED_PATHS = re.compile(r"^/api/v2/(pages|images|documents)/")
GENERATION_KEY = "delivery:content-generation"
RESPONSE_SECONDS = 24 * 60 * 60
# Browsers revalidate every time (a 304 when nothing changed); shared caches such
# as nginx in front (deploy/nginx/) may keep a response for a second.
CACHE_CONTROL = "public, max-age=0, s-maxage=1"


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        # Whichever process added first wins; read back its value (or ours, cache down).
        generation = cache.get(GENERATION_KEY) or uuid.uuid4().hex
    return generation


def start_new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _response_key(generation: str, request) -> str:
    # The host picks the site and appears in detail URLs, so it is part of the key.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"delivery:response:{generation}:{digest}"


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


class ContentCacheMiddleware:
    """Serve GETs of the public content API from the cache, with ETag revalidation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not settings.CONTENT_API_CACHE
            or request.method not in ("GET", "HEAD")
            or not CACHED_PATHS.match(request.path)
        ):
            return self.get_response(request)
        key = _response_key(current_generation(), request)
        stored = cache.get(key)
        if stored is not None:
            response = HttpResponse(stored["body"], content_type=stored["content_type"])
            response["X-Content-Cache"] = "hit"
        else:
            response = self.get_response(request)
            if response.status_code != 200 or response.streaming:
                return response
            stored = {"body": response.content, "content_type": response["Content-Type"]}
            cache.set(key, stored, RESPONSE_SECONDS)
            response["X-Content-Cache"] = "miss"
        return _conditional(request, response)


def _conditional(request, response):
    etag = _etag(response.content)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    # nginx counts expiry in whole seconds, so its copy of an "s-maxage=1" response
    # could live almost two: this keeps it only to the end of the current second.
    response["X-Accel-Expires"] = f"@{int(time.time())}"
    patch_vary_headers(response, ["Origin"])
    if etag in request.headers.get("If-None-Match", ""):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "X-Accel-Expires", "Vary", "X-Content-Cache"):
            not_modified[header] = response[header]
        return not_modified
    return response


CONTENT_MODELS = (
    Page,
    PageViewRestriction,
    Site,
    Locale,
    Collection,
    CollectionViewRestriction,
    AbstractImage,
    AbstractDocument,
    Tag,
)


# Snippets and tag links of the page apps that the content API shows; each app
# registers its own (see register_content_models), so this module imports none.
_registered_models: set[type] = set()


def register_content_models(*models: type) -> None:
    """Changes to these models start a new generation too (call from AppConfig.ready)."""
    _registered_models.update(models)


def content_changed(sender, **kwargs) -> None:
    if not _shows_in_content_api(sender):
        return
    start_new_generation()
    transaction.on_commit(start_new_generation)


def _shows_in_content_api(model) -> bool:
    if issubclass(model, AbstractRendition):
        return False
    return issubclass(model, (*CONTENT_MODELS, *_registered_models))


def connect_signals() -> None:
    post_save.connect(content_changed, dispatch_uid="delivery.cache.saved")
    post_delete.connect(content_changed, dispatch_uid="delivery.cache.deleted")
    post_page_move.connect(content_changed, dispatch_uid="delivery.cache.moved")
