import pytest
from wagtail.models import PageViewRestriction

from delivery.visibility import public_page_locations
from tests.factories import BlogIndexPageFactory, BlogPageFactory


@pytest.mark.django_db
def test_public_page_locations_leaves_out_drafts_and_restricted_subtrees(home, blog_index):
    public = BlogPageFactory(parent=blog_index)
    draft = BlogPageFactory(parent=blog_index, live=False)
    members_index = BlogIndexPageFactory(parent=home, slug="members")
    PageViewRestriction.objects.create(
        page=members_index, restriction_type=PageViewRestriction.LOGIN
    )
    under_restriction = BlogPageFactory(parent=members_index)
    unknown_id = under_restriction.pk + 1000

    pages = public_page_locations({public.pk, draft.pk, under_restriction.pk, unknown_id})

    assert [page.pk for page in pages] == [public.pk]
    assert (pages[0].path, pages[0].depth, pages[0].url_path) == (
        public.path,
        public.depth,
        public.url_path,
    )


@pytest.mark.django_db
def test_public_page_locations_of_no_ids_is_empty_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert public_page_locations(set()) == []
