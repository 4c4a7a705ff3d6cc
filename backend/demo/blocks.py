"""Shorthands that build raw StreamField data for the demo content."""


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def code(language: str, source: str, filename: str = "") -> dict:
    return {
        "type": "code",
        "value": {"language": language, "filename": filename, "code": source.strip("\n")},
    }


def image(key: str, alt: str, caption: str = "") -> dict:
    # ``key`` names a generated demo image; the loader swaps it for the image's id.
    return {"type": "image", "value": {"image": key, "alt_text": alt, "caption": caption}}


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def callout(kind: str, title: str, html: str) -> dict:
    return {"type": "callout", "value": {"kind": kind, "title": title, "body": html}}


def embed(url: str, caption: str = "") -> dict:
    return {"type": "embed", "value": {"url": url, "caption": caption}}


def post_link(slug: str, text: str) -> str:
    # Resolved by the loader to a Wagtail page link once the target post exists.
    return f'<a linktype="page" data-demo-slug="{slug}">{text}</a>'
