"""A large content set for benchmarks, grown from the demo site by copying its pages.

Copies keep everything a real page has (StreamField bodies with images, code and
links, tags, categories, authors; courses with lessons and exercises), so the
API does the same work per page as it would on real content.
"""

from dataclasses import dataclass

from django.db import transaction

from blog.models import BlogIndexPage, BlogPage
from courses.models import CoursePage, CoursesIndexPage, LessonPage


@dataclass
class BenchContentReport:
    posts: int
    courses: int
    lessons: int


def bench_content_load(*, posts: int, courses: int, lessons_per_course: int) -> BenchContentReport:
    """Top the site up to ``posts`` blog posts and ``courses`` courses of
    ``lessons_per_course`` lessons each. Needs the demo site; idempotent."""
    _top_up_posts(posts)
    _top_up_courses(courses)
    for course in CoursePage.objects.order_by("pk"):
        _top_up_lessons(course, lessons_per_course)
    return BenchContentReport(
        posts=BlogPage.objects.live().count(),
        courses=CoursePage.objects.live().count(),
        lessons=LessonPage.objects.live().count(),
    )


def _copy(page, *, to, number: int, recursive: bool = False):
    with transaction.atomic():
        return page.copy(
            to=to,
            recursive=recursive,
            update_attrs={"title": f"{page.title} ({number})", "slug": f"{page.slug}-{number}"},
            copy_revisions=False,
            keep_live=True,
            log_action=None,
        )


def _top_up_posts(target: int) -> None:
    index = BlogIndexPage.objects.get()
    templates = list(BlogPage.objects.child_of(index).live().order_by("pk")[:20])
    for number in range(BlogPage.objects.count(), target):
        _copy(templates[number % len(templates)], to=index, number=number)


def _top_up_courses(target: int) -> None:
    index = CoursesIndexPage.objects.get()
    templates = list(CoursePage.objects.child_of(index).live().order_by("pk")[:2])
    for number in range(CoursePage.objects.count(), target):
        _copy(templates[number % len(templates)], to=index, number=number, recursive=True)


def _top_up_lessons(course: CoursePage, target: int) -> None:
    templates = list(LessonPage.objects.child_of(course).order_by("path"))
    for number in range(len(templates), target):
        _copy(templates[number % len(templates)], to=course, number=number)
