"""Tens of thousands of blog posts in minutes, for the scale benchmark (bench/scale.py).

Wagtail's ``add_child`` and ``publish`` cost tens of milliseconds a page (tree
locking, a revision, signals, one search-index write each), so a 50,000-post
site would take most of an hour. Here each batch is a handful of bulk
statements instead: the page rows with their tree paths computed up front, the
blog rows, the authors, categories and tags, and the search-index entries.

Each post is a copy of one of the demo posts (its StreamField body with images,
code and links, its authors, categories and tags), so the API does the same
work per post as it does for the demo site. Posts are live, with no revisions:
the public API reads the page rows only. Wagtail's reference index is not
filled in (the admin's usage counts would miss these posts).
"""

import datetime
from dataclasses import dataclass

from django.db import router, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from blog.models import BlogIndexPage, BlogPage, BlogPageTag
from delivery.cache import start_new_generation
from demo import content

BATCH_SIZE = 1000
# Copies are spread over ten years so that ordering by date means something.
DATE_SPREAD_DAYS = 3650


@dataclass
class BulkPostsReport:
    created: int
    total: int


@dataclass
class _Template:
    post: BlogPage
    author_ids: list[int]
    category_ids: list[int]
    tag_ids: list[int]


def bulk_posts_load(*, count: int) -> BulkPostsReport:
    """Top the blog up to ``count`` live posts, copies of the demo posts.

    Needs the demo site (``load_demo``). Running it again with the same count
    creates nothing; a smaller count deletes nothing. Starts a new content-cache
    generation, as saving a page would.
    """
    index = BlogIndexPage.objects.get()
    templates = _templates(index)
    existing = BlogPage.objects.child_of(index).count()
    taken_slugs = set(Page.objects.child_of(index).values_list("slug", flat=True))
    numbers = _free_numbers(templates, taken_slugs, start=existing)
    created = 0
    while existing + created < count:
        size = min(BATCH_SIZE, count - existing - created)
        _create_batch(index, templates, [next(numbers) for _ in range(size)])
        created += size
    if created:
        start_new_generation()
    return BulkPostsReport(created=created, total=BlogPage.objects.child_of(index).count())


def _templates(index: BlogIndexPage) -> list[_Template]:
    slugs = [post["slug"] for post in content.POSTS]
    posts = list(BlogPage.objects.child_of(index).live().filter(slug__in=slugs).order_by("pk"))
    if not posts:
        raise BlogPage.DoesNotExist("no demo posts to copy: run load_demo first")
    return [
        _Template(
            post=post,
            author_ids=list(post.authors.values_list("pk", flat=True)),
            category_ids=list(post.categories.values_list("pk", flat=True)),
            tag_ids=list(post.tagged_items.values_list("tag_id", flat=True)),
        )
        for post in posts
    ]


def _free_numbers(templates: list[_Template], taken_slugs: set[str], *, start: int):
    """Copy numbers whose slug is free, so that slugs stay unique among siblings."""
    number = start
    while True:
        if _slug(templates, number) not in taken_slugs:
            yield number
        number += 1


def _template(templates: list[_Template], number: int) -> _Template:
    return templates[number % len(templates)]


def _slug(templates: list[_Template], number: int) -> str:
    return f"{_template(templates, number).post.slug}-{number}"


@transaction.atomic
def _create_batch(index: BlogIndexPage, templates: list[_Template], numbers: list[int]) -> None:
    # Lock the index row so that two loaders cannot hand out the same tree paths.
    index = BlogIndexPage.objects.select_for_update().get(pk=index.pk)
    first_step = _next_child_step(index)
    posts = [
        _copy(_template(templates, number), index, number, step=first_step + offset)
        for offset, number in enumerate(numbers)
    ]
    _insert(posts)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(posts))
    _copy_relations(posts, [_template(templates, number) for number in numbers])
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(BlogPage, posts)


def _next_child_step(index: BlogIndexPage) -> int:
    last_child = index.get_last_child()
    if last_child is None:
        return 1
    # Treebeard's materialised path: the last ``steplen`` characters number the child.
    return Page._str2int(last_child.path[-Page.steplen :]) + 1


def _copy(template: _Template, index: BlogIndexPage, number: int, *, step: int) -> BlogPage:
    source = template.post
    slug = f"{source.slug}-{number}"
    title = f"{source.title} ({number})"
    date = source.date - datetime.timedelta(days=number % DATE_SPREAD_DAYS)
    published_at = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
    return BlogPage(
        path=Page._get_path(index.path, index.depth + 1, step),
        depth=index.depth + 1,
        numchild=0,
        locale_id=index.locale_id,
        content_type_id=source.content_type_id,
        title=title,
        draft_title=title,
        slug=slug,
        url_path=f"{index.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published_at,
        last_published_at=published_at,
        search_description=source.search_description,
        introduction=source.introduction,
        hero_image_id=source.hero_image_id,
        date=date,
        difficulty=source.difficulty,
        reading_time_minutes=source.reading_time_minutes,
        # Shared with the template, so that its images are looked up once per batch.
        body=source.body,
    )


def _insert(posts: list[BlogPage]) -> None:
    """The page rows, then the blog rows that extend them (multi-table inheritance)."""
    page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    pages = Page.objects.bulk_create(
        [Page(**{name: getattr(post, name) for name in page_fields}) for post in posts]
    )
    for post, page in zip(posts, pages, strict=True):
        post.pk = post.page_ptr_id = page.pk
        post._state.adding = False
    # bulk_create refuses multi-table models, so insert the child rows the way
    # Model.save() does, only many at a time.
    BlogPage._base_manager._insert(
        posts,
        fields=BlogPage._meta.local_concrete_fields,
        using=router.db_for_write(BlogPage),
    )


def _copy_relations(posts: list[BlogPage], templates: list[_Template]) -> None:
    authors, categories, tags = [], [], []
    for post, template in zip(posts, templates, strict=True):
        authors += [
            BlogPage.authors.through(blogpage_id=post.pk, author_id=author_id)
            for author_id in template.author_ids
        ]
        categories += [
            BlogPage.categories.through(blogpage_id=post.pk, category_id=category_id)
            for category_id in template.category_ids
        ]
        tags += [BlogPageTag(content_object_id=post.pk, tag_id=tag) for tag in template.tag_ids]
    BlogPage.authors.through.objects.bulk_create(authors)
    BlogPage.categories.through.objects.bulk_create(categories)
    BlogPageTag.objects.bulk_create(tags)
