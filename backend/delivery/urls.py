"""Where readers find things: pages on the frontend, files on the backend."""

from django.conf import settings
from wagtail.models import Page


def frontend_url_parts(page: Page, request=None) -> tuple[int, str] | None:
    """``(site_id, path)`` of the page on the frontend, or None when it is under no site.

    Wagtail's own URL logic reverses its ``serve`` view, which a headless backend
    does not mount, so the path is derived from the page's place under its site root.
    """
    site_roots = page._get_relevant_site_root_paths(cache_object=request)
    if not site_roots:
        return None
    site_root = site_roots[0]
    return site_root.site_id, "/" + page.url_path[len(site_root.root_path) :]


def frontend_page_path(page: Page, request=None) -> str | None:
    url_parts = frontend_url_parts(page, request)
    return url_parts[1] if url_parts else None


def frontend_url(path: str) -> str:
    return settings.FRONTEND_URL + path


def backend_url(path: str) -> str:
    """An absolute URL for a backend path (media, documents); absolute ones pass through."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.BACKEND_URL + path
