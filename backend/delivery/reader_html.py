"""The one way rich text leaves the API.

Database rich text is expanded by the handlers in ``delivery.rich_text`` and then
cleaned against an allow-list (nh3, the binding of the Ammonia sanitiser), so HTML
that reached the database by any route other than the editor (a script, an import,
a hand-made fix in SQL) cannot run script on the frontend.
"""

import nh3
from wagtail.rich_text import expand_db_html

# What the editor's features (delivery.blocks.RICH_TEXT_FEATURES) and the handlers of
# delivery.rich_text produce; any other tag is dropped and its text kept.
_READER_HTML = nh3.Cleaner(
    tags={"p", "br", "b", "strong", "i", "em", "code", "a", "ol", "ul", "li", "hr", "img"},
    attributes={"a": {"href"}, "img": {"src", "width", "height", "alt", "loading"}},
    allowed_classes={"img": {"richtext-image", "fullwidth", "left", "right"}},
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
)


def reader_html(source: str) -> str:
    """Database rich text as the HTML readers receive: links resolved, then sanitised."""
    return _READER_HTML.clean(expand_db_html(source or ""))
