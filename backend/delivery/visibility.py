"""What anonymous readers may see. The public API never serves anything else,
whoever is signed in, so that its responses are the same for everyone and safe
to cache."""

from django.db.models.expressions import RawSQL
from wagtail.models import Page, PageViewRestriction

# Pages with no view restriction on themselves or on any ancestor: a restricted
# page's tree path is a prefix of the path of each page under it. Only table names
# are interpolated, from model metadata.
_PUBLIC_PAGE_IDS = RawSQL(  # noqa: S611
    f'SELECT page.id FROM "{Page._meta.db_table}" page WHERE NOT EXISTS ('  # noqa: S608
    f'SELECT 1 FROM "{PageViewRestriction._meta.db_table}" restriction '
    f'INNER JOIN "{Page._meta.db_table}" restricted ON restricted.id = restriction.page_id '
    "WHERE restricted.path = SUBSTR(page.path, 1, LENGTH(restricted.path)))",
    (),
)


def public_pages(queryset):
    """Live pages with no view restriction on them or on any ancestor.

    The restriction check is a subquery of the same statement, so it costs no
    extra round trip and cannot go stale. It is phrased as ``pk__in`` because
    Wagtail's search backends accept that lookup and not a bare ``Exists``; ``in``
    the public pages rather than ``not in`` the restricted ones, because PostgreSQL
    can then check only the rows a query returns, where ``not in`` made it collect
    the restricted pages from the whole tree first (bench/scale.py). It is written
    in SQL because the same subquery built from ORM expressions took Django about
    2 ms to compile and PostgreSQL 3 ms to plan on every request (bench/content.py).
    """
    return queryset.live().filter(pk__in=_PUBLIC_PAGE_IDS)
