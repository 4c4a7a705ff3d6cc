"""The client's address, as every limit in the project counts it.

Behind TRUSTED_PROXY_COUNT proxies (the Next.js same-site proxy, nginx), the
address is the one those proxies recorded in X-Forwarded-For, read from the
right; entries a client adds to the left gain it nothing. allauth's adapter does
the reading (its ALLAUTH_TRUSTED_PROXY_COUNT is set from the same setting), so
allauth's limits, DRF's throttles (NUM_PROXIES) and ours agree.
"""

from allauth.account.adapter import get_adapter
from django.core.exceptions import ImproperlyConfigured, PermissionDenied


def client_address(request) -> str:
    try:
        return get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        # Fewer X-Forwarded-For entries than trusted proxies: the request did not
        # come through them, so only the connection's own address counts.
        return request.META.get("REMOTE_ADDR", "")
