import pytest
from wagtail.models import PageViewRestriction

from blog.models import BlogPage
from delivery.search import newest_match_ids
from tests.factories import BlogPageFactory, ImageFactory

SEARCH = "/api/v2/pages/?type=blog.BlogPage&search=quokka"


def _quokka_post(blog_index, title, **kwargs):
    return BlogPageFactory(
        parent=blog_index,
        title=title,
        body=[{"type": "paragraph", "value": f"<p>A quokka explains {title.lower()}.</p>"}],
        **kwargs,
    )


def _listing(api_client, url):
    response = api_client.get(url)
    assert response.status_code == 200, response.content
    body = response.json()
    return body["meta"]["total_count"], sorted(item["title"] for item in body["items"])


@pytest.fixture
def five_quokka_posts(blog_index):
    return [_quokka_post(blog_index, f"Post {number}") for number in range(1, 6)]


@pytest.mark.django_db
def test_a_broad_search_ranks_and_counts_only_its_newest_matches(
    api_client, five_quokka_posts, settings
):
    settings.SEARCH_RANKED_MATCHES = 3

    assert _listing(api_client, SEARCH) == (3, ["Post 3", "Post 4", "Post 5"])


@pytest.mark.django_db
def test_a_search_with_fewer_matches_than_the_bound_is_answered_in_full(
    api_client, five_quokka_posts, settings
):
    settings.SEARCH_RANKED_MATCHES = 5

    assert _listing(api_client, SEARCH) == (5, [f"Post {number}" for number in range(1, 6)])


@pytest.mark.django_db
def test_a_bound_of_zero_ranks_and_counts_every_match(api_client, five_quokka_posts, settings):
    settings.SEARCH_RANKED_MATCHES = 0

    assert _listing(api_client, SEARCH) == (5, [f"Post {number}" for number in range(1, 6)])
    assert _capped(api_client, SEARCH) is False


@pytest.mark.django_db
def test_a_search_in_an_explicit_order_is_not_bounded(api_client, five_quokka_posts, settings):
    settings.SEARCH_RANKED_MATCHES = 3

    total, titles = _listing(api_client, f"{SEARCH}&order=title")

    assert total == 5
    assert titles == [f"Post {number}" for number in range(1, 6)]


def _capped(api_client, url):
    return api_client.get(url).json()["meta"]["total_count_is_capped"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bound", "query", "capped"),
    [
        (4, "", True),
        (5, "", False),
        (4, "&order=title", False),
    ],
)
def test_the_listing_says_when_the_bound_left_matches_uncounted(
    api_client, five_quokka_posts, settings, bound, query, capped
):
    settings.SEARCH_RANKED_MATCHES = bound

    assert _capped(api_client, f"{SEARCH}{query}") is capped


@pytest.mark.django_db
def test_a_listing_without_search_is_never_capped(api_client, five_quokka_posts, settings):
    settings.SEARCH_RANKED_MATCHES = 1

    assert _capped(api_client, "/api/v2/pages/?type=blog.BlogPage") is False


@pytest.mark.django_db
def test_the_bound_never_lets_drafts_or_private_posts_in(api_client, blog_index, settings):
    settings.SEARCH_RANKED_MATCHES = 2
    _quokka_post(blog_index, "Older")
    _quokka_post(blog_index, "Public")
    private = _quokka_post(blog_index, "Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    _quokka_post(blog_index, "Draft", live=False)

    assert _listing(api_client, SEARCH) == (2, ["Older", "Public"])


@pytest.mark.django_db
def test_newest_match_ids_walks_back_from_the_newest_match(five_quokka_posts, blog_index):
    _quokka_post(blog_index, "Elsewhere", live=False)
    BlogPageFactory(parent=blog_index, title="No match")
    newest_first = [post.pk for post in reversed(five_quokka_posts)]

    found = newest_match_ids(BlogPage.objects.live(), "quokka", operator=None, limit=2)

    assert found == newest_first[:2]


@pytest.mark.django_db
def test_a_search_with_a_filter_the_index_lacks_still_gets_a_clear_400(api_client, blog_index):
    _quokka_post(blog_index, "Indexed")

    response = api_client.get(f"{SEARCH}&reading_time_minutes=5")

    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    assert "while searching" in response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_search_is_no_search(api_client, five_quokka_posts, blank):
    BlogPageFactory(parent=five_quokka_posts[0].get_parent(), title="No match")

    total, titles = _listing(api_client, f"/api/v2/pages/?type=blog.BlogPage&search={blank}")

    assert total == 6
    assert "No match" in titles


@pytest.mark.django_db
def test_double_quotes_mean_nothing_in_a_search(api_client, five_quokka_posts):
    quoted = _listing(api_client, '/api/v2/pages/?type=blog.BlogPage&search="quokka"')
    unbalanced = _listing(api_client, '/api/v2/pages/?type=blog.BlogPage&search=quokka"')

    assert quoted == unbalanced == _listing(api_client, SEARCH)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
def test_a_search_of_quotes_alone_matches_nothing(api_client, five_quokka_posts, path):
    ImageFactory(title="Quokka")

    assert _listing(api_client, f'{path}?search="')[0] == 0


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v2/images/", "/api/v2/documents/"])
def test_a_blank_media_search_is_no_search(api_client, path):
    ImageFactory(title="Quokka")
    everything = _listing(api_client, path)

    assert _listing(api_client, f"{path}?search=%20%20") == everything
