"""What anonymous readers may see. The public API never serves anything else,
whoever is signed in, so that its responses are the same for everyone and safe
to cache."""

from django.db import connection
from django.db.models.expressions import RawSQL
from wagtail.models import Page, PageViewRestriction

# Pages with no view restriction on themselves or on any ancestor: a restricted
# page's tree path is a prefix of the path of each page under it. Only table names
# are interpolated, from model metadata.
_PAGE_TABLE = Page._meta.db_table
_PUBLIC_PAGE_IDS_SQL = (
    f'SELECT page.id FROM "{_PAGE_TABLE}" page WHERE NOT EXISTS ('  # noqa: S608
    f'SELECT 1 FROM "{PageViewRestriction._meta.db_table}" restriction '
    f'INNER JOIN "{_PAGE_TABLE}" restricted ON restricted.id = restriction.page_id '
    "WHERE restricted.path = SUBSTR(page.path, 1, LENGTH(restricted.path)))"
)
_PUBLIC_PAGE_IDS = RawSQL(_PUBLIC_PAGE_IDS_SQL, ())  # noqa: S611


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


def public_page_locations(ids) -> list[Page]:
    """The pages among ``ids`` that readers may see, each holding only what its URL is
    made of (id, path, depth and url_path).

    Plain SQL: rich-text links are looked up on every page read, and the ORM spent
    more time building this query than PostgreSQL spent running it (bench/content.py).
    """
    ids = sorted(ids)
    if not ids:
        return []
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        f'SELECT id, path, depth, url_path FROM "{_PAGE_TABLE}"'  # noqa: S608
        f" WHERE live AND id IN ({placeholders}) AND id IN ({_PUBLIC_PAGE_IDS_SQL})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        rows = cursor.fetchall()
    return [Page(id=pk, path=path, depth=depth, url_path=url) for pk, path, depth, url in rows]
