"""What anonymous readers may see. The public API never serves anything else,
whoever is signed in, so that its responses are the same for everyone and safe
to cache."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def public_pages(queryset):
    """Live pages with no view restriction on them or on any ancestor.

    The restriction check is a subquery of the same statement (a restricted
    page's tree path is a prefix of the path of each page under it), so it costs
    no extra round trip and cannot go stale. It is phrased as ``pk__in`` because
    Wagtail's search backends accept that lookup and not a bare ``Exists``; ``in``
    the public pages rather than ``not in`` the restricted ones, because PostgreSQL
    can then check only the rows a query returns, where ``not in`` made it collect
    the restricted pages from the whole tree first (bench/scale.py).
    """
    restriction_on_self_or_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    public = Page.objects.exclude(Exists(restriction_on_self_or_ancestor)).values("pk")
    return queryset.live().filter(pk__in=public)
