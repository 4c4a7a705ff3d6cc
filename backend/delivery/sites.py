"""Which Wagtail site a content request is for, remembered between requests.

Every content API request needs its site, and Wagtail looks it up in the
database each time. The answer changes only when a site changes or its root
page moves, so it is kept in the cache and dropped on exactly those events.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site
from wagtail.signals import post_page_move

CACHE_KEY = "delivery:sites"
CACHE_SECONDS = 300
# Hosts come from clients; past this many the map stops growing.
MAX_REMEMBERED_HOSTS = 20


def site_for_request(request) -> Site | None:
    """``Site.find_for_request``, answered from the cache when it can be."""
    http_request = getattr(request, "_request", request)
    if hasattr(http_request, "_wagtail_site"):
        return http_request._wagtail_site
    host = http_request.get_host()
    known = cache.get(CACHE_KEY) or {}
    if host in known:
        site = known[host]
    else:
        site = Site.find_for_request(http_request)
        if len(known) < MAX_REMEMBERED_HOSTS:
            cache.set(CACHE_KEY, {**known, host: site}, CACHE_SECONDS)
    # Wagtail's own look-ups during this request reuse it.
    http_request._wagtail_site = site
    return site


def forget_sites(**kwargs) -> None:
    cache.delete(CACHE_KEY)


def connect_signals() -> None:
    post_save.connect(forget_sites, sender=Site, dispatch_uid="delivery.sites.saved")
    post_delete.connect(forget_sites, sender=Site, dispatch_uid="delivery.sites.deleted")
    post_page_move.connect(forget_sites, dispatch_uid="delivery.sites.page_moved")
