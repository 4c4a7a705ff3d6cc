import pytest

from tests.factories import BlogPageFactory, ImageFactory


def _body_of(api_client, post):
    response = api_client.get(f"/api/v2/pages/{post.pk}/")
    assert response.status_code == 200
    return {block["type"]: block["value"] for block in response.json()["body"]}


@pytest.mark.django_db
def test_each_block_type_has_its_typed_shape(api_client, every_block):
    post, image = every_block

    body = _body_of(api_client, post)

    assert body["paragraph"] == "<p>Some <b>bold</b> text.</p>"
    assert body["heading"] == {
        "text": "Getting Started!",
        "level": "h3",
        "anchor": "getting-started",
    }
    assert body["code"] == {"language": "sql", "filename": "q.sql", "code": "SELECT 1;"}
    assert body["quote"] == {"quote": "Simple is better.", "attribution": "Tim"}
    assert body["callout"] == {"kind": "warning", "title": "Careful", "body": "<p>Hot.</p>"}
    assert body["embed"] == {"url": "https://www.youtube.com/watch?v=x", "caption": "Talk"}
    assert body["image"]["caption"] == "Teal"
    assert body["image"]["image"]["id"] == image.pk
    assert body["image"]["image"]["alt"] == "A teal rectangle"


@pytest.mark.django_db
def test_image_block_alt_text_overrides_the_image_description(api_client, blog_index):
    image = ImageFactory(description="Generic")
    post = BlogPageFactory(
        parent=blog_index,
        body=[
            {"type": "image", "value": {"image": image.pk, "alt_text": "Specific", "caption": ""}}
        ],
    )

    assert _body_of(api_client, post)["image"]["image"]["alt"] == "Specific"


@pytest.mark.django_db
def test_image_block_renditions_are_absolute_and_sized(api_client, every_block):
    post, _image = every_block

    renditions = _body_of(api_client, post)["image"]["image"]["renditions"]

    assert [(r["width"], r["height"]) for r in renditions] == [(480, 270), (960, 540), (1200, 675)]
    assert all(r["url"].startswith("http://backend.test/media/images/") for r in renditions)


@pytest.mark.django_db
def test_rich_text_images_become_sized_absolute_img_tags(api_client, blog_index):
    image = ImageFactory()
    post = BlogPageFactory(
        parent=blog_index,
        body=[
            {
                "type": "paragraph",
                "value": f'<embed embedtype="image" id="{image.pk}" format="left" '
                'alt="A &lt;b&gt;"/>',
            }
        ],
    )

    html = _body_of(api_client, post)["paragraph"]

    assert 'src="http://backend.test/media/images/' in html
    assert 'width="960" height="540"' in html
    assert 'alt="A &lt;b&gt;"' in html


@pytest.mark.django_db
def test_rich_text_links_to_missing_pages_lose_their_href(api_client, blog_index):
    post = BlogPageFactory(
        parent=blog_index,
        body=[{"type": "paragraph", "value": '<p><a linktype="page" id="999999">gone</a></p>'}],
    )

    assert _body_of(api_client, post)["paragraph"] == "<p><a>gone</a></p>"


HOSTILE_RICH_TEXT = (
    '<p onclick="steal()">Hi<script>steal()</script>'
    '<a href="javascript:steal()">x</a><img src="x" onerror="steal()">'
    '<iframe src="https://attacker.example/"></iframe><svg onload="steal()"></svg>'
    '<a href="https://ok.example/">ok</a></p>'
)


def _assert_harmless(html: str) -> None:
    lowered = html.lower()
    for needle in ("<script", "javascript:", "onerror", "onclick", "onload", "<iframe", "<svg"):
        assert needle not in lowered, (needle, html)


@pytest.mark.django_db
def test_rich_text_that_bypassed_the_editor_is_sanitised_in_every_block(api_client, blog_index):
    post = BlogPageFactory(
        parent=blog_index,
        body=[
            {"type": "paragraph", "value": HOSTILE_RICH_TEXT},
            {
                "type": "callout",
                "value": {"kind": "note", "title": "", "body": HOSTILE_RICH_TEXT},
            },
        ],
    )

    body = _body_of(api_client, post)

    for html in (body["paragraph"], body["callout"]["body"]):
        _assert_harmless(html)
        assert '<a href="https://ok.example/">ok</a>' in html
        assert html.startswith("<p>Hi")


@pytest.mark.django_db
def test_rich_text_has_one_representation(api_client, blog_index):
    post = BlogPageFactory(parent=blog_index)

    for url in (f"/api/v2/pages/{post.pk}/", "/api/v2/pages/"):
        response = api_client.get(url, {"rich_text_format": "db_html"})

        assert response.status_code == 400
        assert response.json()["code"] == "bad_request"
