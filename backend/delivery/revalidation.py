"""Tell the frontend which cached pages to refresh when a page changes.

On publish, unpublish, move and delete, after the transaction commits, the frontend's
revalidation route receives ``{"tags": [...], "paths": [...]}`` with the shared
secret. The tags match the ones the frontend puts on its reads:

* ``page:<id>``  the page (and the learning API's view of it),
* ``path:<path>`` the page found by its path,
* ``type:<app_label.Model>`` every listing of that type (home, blog index, feeds).

A failure is logged and never reaches the editor: publishing must not depend on the
frontend being up, and the frontend's time-based revalidation is the fallback.
"""

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import transaction
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from delivery.urls import frontend_page_path

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 2


def revalidation_payload(page: Page, *, extra_paths: tuple[str, ...] = ()) -> dict:
    """Tags and paths that cover ``page``, its listings and its parent."""
    specific = page.specific_deferred
    model = type(specific)._meta
    paths = [frontend_page_path(page), *extra_paths]
    parent = page.get_parent()
    if parent is not None and not parent.is_root():
        paths.append(frontend_page_path(parent))
    unique_paths = list(dict.fromkeys(path for path in paths if path))
    tags = [f"page:{page.pk}", f"type:{model.app_label}.{model.object_name}"]
    if parent is not None:
        tags.append(f"page:{parent.pk}")
    tags += [f"path:{path}" for path in unique_paths]
    return {"tags": tags, "paths": unique_paths}


def send_revalidation(payload: dict) -> bool:
    """POST the payload to the frontend; True when it answered 2xx. Never raises."""
    url = settings.FRONTEND_REVALIDATE_URL
    secret = settings.REVALIDATE_SECRET
    if not url.startswith(("http://", "https://")) or not secret:
        return False
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url,
        data=json.dumps(payload).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {secret}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as exc:
        logger.warning("frontend_revalidation_failed", extra={"status": exc.code})
        return False
    except (OSError, ValueError) as exc:
        logger.warning("frontend_revalidation_failed", extra={"error": type(exc).__name__})
        return False
    logger.info("frontend_revalidated", extra={"status": status, "tags": len(payload["tags"])})
    return True


def schedule_revalidation(page: Page, *, extra_paths: tuple[str, ...] = ()) -> None:
    """Send after the surrounding transaction commits (at once outside one)."""
    if not settings.FRONTEND_REVALIDATE_URL or not settings.REVALIDATE_SECRET:
        return
    payload = revalidation_payload(page, extra_paths=extra_paths)
    transaction.on_commit(lambda: send_revalidation(payload))


def _on_publish_change(sender, instance, **kwargs):
    schedule_revalidation(instance)


def _after_move(sender, instance, parent_page_before=None, **kwargs):
    # The old parent still stands where it stood, so the old paths derive from it.
    old_parent_path = frontend_page_path(parent_page_before) if parent_page_before else None
    old_paths = (old_parent_path + instance.slug + "/", old_parent_path) if old_parent_path else ()
    schedule_revalidation(instance, extra_paths=old_paths)


def connect_signals() -> None:
    # Wagtail also sends page_unpublished when a live page is deleted.
    page_published.connect(_on_publish_change, dispatch_uid="delivery.revalidate.published")
    page_unpublished.connect(_on_publish_change, dispatch_uid="delivery.revalidate.unpublished")
    post_page_move.connect(_after_move, dispatch_uid="delivery.revalidate.post_move")
