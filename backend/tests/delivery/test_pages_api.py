import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from tests.factories import (
    AuthorFactory,
    BlogIndexPageFactory,
    BlogPageFactory,
    CategoryFactory,
    HomePageFactory,
    ImageFactory,
    UserFactory,
    tree_root,
)

LISTING = "/api/v2/pages/"


def _titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def _rich_body(link_target, image):
    return [
        {"type": "heading", "value": {"text": "Start here", "level": "h2"}},
        {
            "type": "paragraph",
            "value": f'<p>See <a linktype="page" id="{link_target.pk}">the index</a>.</p>'
            f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="inline"/>',
        },
        {"type": "code", "value": {"language": "python", "filename": "", "code": "print(1)"}},
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": "A caption"}},
        {
            "type": "callout",
            "value": {"kind": "tip", "title": "Tip", "body": "<p>Callout body</p>"},
        },
    ]


def _full_post(blog_index, **kwargs):
    image = ImageFactory()
    return BlogPageFactory(
        parent=blog_index,
        hero_image=ImageFactory(),
        authors=[AuthorFactory()],
        categories=[CategoryFactory()],
        tags=["python", "loops"],
        body=_rich_body(blog_index, image),
        **kwargs,
    )


def _count_listing_queries(api_client):
    url = f"{LISTING}?type=blog.BlogPage&fields=*"
    api_client.get(url)  # first call generates renditions
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.json()["items"])


@pytest.mark.django_db
def test_listing_returns_typed_posts_newest_first(api_client, blog_index):
    BlogPageFactory(parent=blog_index, title="Older", date="2026-01-01")
    BlogPageFactory(parent=blog_index, title="Newer", date="2026-02-01")

    response = api_client.get(f"{LISTING}?type=blog.BlogPage&fields=*")

    assert _titles(response) == ["Newer", "Older"]
    item = response.json()["items"][0]
    assert item["meta"]["type"] == "blog.BlogPage"
    assert item["meta"]["html_url"].startswith("http://frontend.test/blog/")
    assert {"introduction", "hero_image", "authors", "tags", "categories", "body"} <= set(item)


@pytest.mark.django_db
def test_listing_serialises_every_related_field(api_client, blog_index):
    post = _full_post(blog_index, difficulty="advanced")

    item = api_client.get(f"{LISTING}?type=blog.BlogPage&fields=*").json()["items"][0]

    assert item["id"] == post.pk
    assert item["tags"] == ["loops", "python"]
    assert item["categories"] == [
        {"name": post.categories.first().name, "slug": post.categories.first().slug}
    ]
    assert item["authors"][0]["photo"]["renditions"][0]["url"].startswith("http://backend.test/")
    assert item["difficulty"] == "advanced"
    assert item["reading_time_minutes"] == 1
    hero = item["hero_image"]
    assert hero["alt"] == post.hero_image.description
    assert (hero["width"], hero["height"]) == (1200, 675)
    assert [r["width"] for r in hero["renditions"]] == [480, 960, 1200]


@pytest.mark.django_db
def test_detail_and_find_by_path_return_the_same_page(api_client, blog_index):
    post = _full_post(blog_index, slug="hello-world")

    detail = api_client.get(f"{LISTING}{post.pk}/")
    found = api_client.get(f"{LISTING}find/?html_path=/blog/hello-world/", follow=True)

    assert detail.status_code == 200
    assert found.status_code == 200
    assert found.json() == detail.json()
    assert detail.json()["meta"]["parent"]["meta"]["html_url"] == "http://frontend.test/blog/"


@pytest.mark.django_db
def test_detail_parent_is_a_summary_of_a_page_readers_may_see(api_client, home, blog_index):
    post = BlogPageFactory(parent=blog_index)
    hidden_index = BlogIndexPageFactory(parent=home, slug="hidden", live=False)
    orphan = BlogPageFactory(parent=hidden_index)

    parent = api_client.get(f"{LISTING}{post.pk}/").json()["meta"]["parent"]

    assert parent == {
        "id": blog_index.pk,
        "meta": {
            "type": "blog.BlogIndexPage",
            "detail_url": f"http://backend.test/api/v2/pages/{blog_index.pk}/",
            "html_url": "http://frontend.test/blog/",
        },
        "title": blog_index.title,
    }
    assert api_client.get(f"{LISTING}{home.pk}/").json()["meta"]["parent"] is None
    assert api_client.get(f"{LISTING}{orphan.pk}/").json()["meta"]["parent"] is None


@pytest.mark.django_db
def test_find_of_an_unknown_path_is_a_json_404(api_client, blog_index):
    response = api_client.get(f"{LISTING}find/?html_path=/blog/missing/")

    assert response.status_code == 404
    assert response.json() == {"status": 404, "code": "not_found", "message": "Not found."}


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ["null", "-1", "0", "²", "99999999999999999999"])
def test_find_by_an_id_that_is_not_a_database_id_is_a_400(api_client, blog_index, endpoint, value):
    response = api_client.get(f"/api/v2/{endpoint}/find/", {"id": value})

    assert response.status_code == 400
    assert response.json()["message"] == "id must be a positive integer"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"search": "loops", "search_operator": "xor"}, "search_operator must be 'and' or 'or'"),
        ({"site": "nowhere.example"}, "site must be the hostname[:port] of one of our sites"),
    ],
)
def test_listing_refuses_a_bad_search_operator_or_site(api_client, blog_index, query, message):
    response = api_client.get(LISTING, query)

    assert response.status_code == 400
    assert response.json()["message"] == message


@pytest.mark.django_db
@pytest.mark.parametrize("locale", ["", "xx", "en" * 20])
def test_listing_in_an_unknown_locale_is_a_400(api_client, blog_index, locale):
    response = api_client.get(LISTING, {"locale": locale})

    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("difficulty=advanced", ["Advanced SQL"]),
        ("tag=sql", ["Advanced SQL"]),
        ("tags=python", ["Python loops"]),
        ("category=databases", ["Advanced SQL"]),
        ("author=ada", ["Python loops"]),
        ("order=date", ["Python loops", "Advanced SQL"]),
    ],
)
def test_listing_filters(api_client, blog_index, query, expected):
    ada = AuthorFactory(slug="ada")
    databases = CategoryFactory(slug="databases")
    BlogPageFactory(
        parent=blog_index, title="Python loops", date="2026-01-01", tags=["python"], authors=[ada]
    )
    BlogPageFactory(
        parent=blog_index,
        title="Advanced SQL",
        date="2026-02-01",
        tags=["sql"],
        categories=[databases],
        difficulty="advanced",
    )

    response = api_client.get(f"{LISTING}?type=blog.BlogPage&{query}")

    assert _titles(response) == expected


@pytest.mark.django_db
def test_search_finds_posts_by_body_text_and_combines_with_filters(api_client, blog_index):
    sql = CategoryFactory(slug="sql")
    BlogPageFactory(
        parent=blog_index,
        title="Joins",
        categories=[sql],
        body=[{"type": "paragraph", "value": "<p>A quokka explains joins.</p>"}],
    )
    BlogPageFactory(
        parent=blog_index,
        title="Loops",
        body=[{"type": "paragraph", "value": "<p>A quokka explains loops.</p>"}],
    )
    BlogPageFactory(parent=blog_index, title="Unrelated")

    assert sorted(_titles(api_client.get(f"{LISTING}?type=blog.BlogPage&search=quokka"))) == [
        "Joins",
        "Loops",
    ]
    assert _titles(api_client.get(f"{LISTING}?type=blog.BlogPage&search=quokka&category=sql")) == [
        "Joins"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["search=a%00b", "category=%00", "tag=x%00", "slug=%00"])
def test_a_nul_character_in_a_query_parameter_is_refused(api_client, blog_index, query):
    response = api_client.get(f"{LISTING}?type=blog.BlogPage&{query}")

    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    assert "NUL" in response.json()["message"]


@pytest.mark.django_db
def test_overlong_search_is_refused(api_client, blog_index):
    response = api_client.get(f"{LISTING}?search={'a' * 201}")

    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["bogus=1", "type=nope.Nope", "order=secret", "category=x", "fields=nope"]
)
def test_bad_queries_get_a_400_in_the_one_error_format(api_client, home, query):
    response = api_client.get(f"{LISTING}?{query}")

    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"status", "code", "message"}
    assert body["status"] == 400


@pytest.mark.django_db
def test_listing_query_count_does_not_grow_with_posts(api_client, blog_index):
    for _ in range(10):
        _full_post(blog_index)
    queries_at_10, items_at_10 = _count_listing_queries(api_client)

    for _ in range(190):
        _full_post(blog_index)
    queries_at_200, items_at_200 = _count_listing_queries(api_client)

    assert (items_at_10, items_at_200) == (10, 20)
    assert queries_at_200 == queries_at_10
    assert queries_at_10 <= 8


def _count_detail_queries(api_client, post):
    url = f"{LISTING}{post.pk}/"
    api_client.get(url)  # first call generates renditions
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_detail_query_count_does_not_grow_with_relations(api_client, blog_index):
    lean = BlogPageFactory(parent=blog_index, body=_rich_body(blog_index, ImageFactory()))
    rich = BlogPageFactory(
        parent=blog_index,
        hero_image=ImageFactory(),
        body=_rich_body(blog_index, ImageFactory()),
        authors=[AuthorFactory() for _ in range(4)],
        categories=[CategoryFactory() for _ in range(4)],
        tags=["python", "loops", "sql", "testing", "tooling"],
    )

    assert _count_detail_queries(api_client, rich) == _count_detail_queries(api_client, lean)
    assert _count_detail_queries(api_client, rich) <= 4


@pytest.mark.django_db
def test_tags_categories_and_authors_are_sorted_by_name_in_detail_listing_and_search(
    api_client, blog_index
):
    post = BlogPageFactory(
        parent=blog_index,
        authors=[AuthorFactory(name="Zoe"), AuthorFactory(name="Ada", photo=None)],
        categories=[CategoryFactory(name="Testing"), CategoryFactory(name="Databases")],
        tags=["sql", "loops"],
        body=[{"type": "paragraph", "value": "<p>A quokka explains joins.</p>"}],
    )
    untagged = BlogPageFactory(parent=blog_index, title="Untagged")

    detail = api_client.get(f"{LISTING}{post.pk}/").json()
    listing = api_client.get(f"{LISTING}?type=blog.BlogPage&fields=tags,categories,authors").json()
    found = api_client.get(f"{LISTING}?type=blog.BlogPage&fields=tags,categories&search=quokka")

    assert detail["tags"] == ["loops", "sql"]
    assert [category["name"] for category in detail["categories"]] == ["Databases", "Testing"]
    assert [author["name"] for author in detail["authors"]] == ["Ada", "Zoe"]
    assert detail["authors"][0]["photo"] is None
    assert detail["authors"][1]["photo"]["renditions"][0]["url"].startswith("http")
    by_id = {item["id"]: item for item in listing["items"]}
    assert by_id[untagged.pk]["tags"] == []
    assert by_id[untagged.pk]["categories"] == []
    assert by_id[post.pk]["tags"] == detail["tags"]
    assert by_id[post.pk]["authors"] == detail["authors"]
    assert [item["categories"] for item in found.json()["items"]] == [detail["categories"]]


class TestDraftsAndPrivatePagesNeverLeak:
    @pytest.fixture
    def pages(self, blog_index):
        published = BlogPageFactory(parent=blog_index, title="Published title")
        published.title = "Unpublished draft title"
        published.save_revision()
        draft = BlogPageFactory(parent=blog_index, title="Draft only", live=False)
        private = BlogPageFactory(parent=blog_index, title="Private post")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        return {"published": published, "draft": draft, "private": private}

    @pytest.mark.django_db
    def test_listing_shows_only_the_published_version_of_public_pages(self, api_client, pages):
        titles = _titles(api_client.get(f"{LISTING}?type=blog.BlogPage"))

        assert titles == ["Published title"]

    @pytest.mark.django_db
    @pytest.mark.parametrize("name", ["draft", "private"])
    def test_detail_find_and_search_answer_404_or_nothing(self, api_client, pages, name):
        page = pages[name]

        assert api_client.get(f"{LISTING}{page.pk}/").status_code == 404
        assert api_client.get(f"{LISTING}find/?html_path=/blog/{page.slug}/").status_code == 404
        search = api_client.get(f"{LISTING}?search={page.title.split()[0]}")
        assert page.title not in _titles(search)

    @pytest.mark.django_db
    def test_signed_in_superusers_get_the_same_public_view(self, api_client, pages):
        api_client.force_login(UserFactory(is_superuser=True, is_staff=True))

        assert api_client.get(f"{LISTING}{pages['private'].pk}/").status_code == 404
        assert "Private post" not in _titles(api_client.get(LISTING))

    @pytest.mark.django_db
    def test_links_to_drafts_keep_their_text_but_lose_their_href(
        self, api_client, pages, blog_index
    ):
        body = [
            {
                "type": "paragraph",
                "value": f'<p><a linktype="page" id="{pages["draft"].pk}">secret</a> and '
                f'<a linktype="page" id="{pages["published"].pk}">public</a></p>',
            }
        ]
        post = BlogPageFactory(parent=blog_index, body=body)

        html = api_client.get(f"{LISTING}{post.pk}/").json()["body"][0]["value"]

        assert "<a>secret</a>" in html
        assert f'href="http://frontend.test/blog/{pages["published"].slug}/"' in html


@pytest.mark.django_db
def test_site_answers_are_remembered_until_a_site_changes(api_client, home, blog_index):
    BlogPageFactory(parent=blog_index, title="Under the first home")
    other_home = HomePageFactory(parent=tree_root(), title="Second home", slug="second")
    BlogPageFactory(parent=other_home, title="Under the second home")
    assert _titles(api_client.get(LISTING, {"type": "blog.BlogPage"})) == ["Under the first home"]

    with CaptureQueriesContext(connection) as queries:
        api_client.get(LISTING, {"type": "blog.BlogPage"})
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]

    site = Site.objects.get(is_default_site=True)
    site.root_page = other_home
    site.save()
    assert _titles(api_client.get(LISTING, {"type": "blog.BlogPage"})) == ["Under the second home"]


@pytest.mark.django_db
def test_detail_follows_the_site_root_when_it_moves(api_client, home, blog_index):
    under_first_home = BlogPageFactory(parent=blog_index)
    other_home = HomePageFactory(parent=tree_root(), title="Second home", slug="second")
    under_second_home = BlogPageFactory(parent=other_home)
    assert api_client.get(f"{LISTING}{under_first_home.pk}/").status_code == 200
    assert api_client.get(f"{LISTING}{under_second_home.pk}/").status_code == 404

    site = Site.objects.get(is_default_site=True)
    site.root_page = other_home
    site.save()

    assert api_client.get(f"{LISTING}{under_first_home.pk}/").status_code == 404
    moved = api_client.get(f"{LISTING}{under_second_home.pk}/").json()
    assert moved["meta"]["parent"]["id"] == other_home.pk
    assert moved["meta"]["html_url"] == f"http://frontend.test/{under_second_home.slug}/"
