"""Load the demo site. Every step is idempotent: running it twice changes nothing."""

import datetime
import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from blog.models import BlogIndexPage, BlogPage, Category
from courses.models import CoursePage, CoursesIndexPage, Exercise, LessonPage
from delivery.images import ALL_RENDITION_SPECS, RICH_TEXT_RENDITION_SPEC
from demo import content, course_content
from demo.images import draw_cover, draw_portrait
from home.models import HomePage
from people.models import Author

Image = get_image_model()
_DEMO_LINK = re.compile(r'data-demo-slug="([a-z0-9-]+)"')


@dataclass
class DemoReport:
    created_posts: int
    total_posts: int
    total_courses: int
    admin_username: str
    admin_password: str | None


def _home_page() -> HomePage:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="CodeCampus",
                slug="codecampus",
                introduction="Learn to program with friendly courses, exercises graded in "
                "seconds and a blog written by working developers.",
            )
        )
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if type(old_root.specific) is Page and old_root.depth == 2:
            old_root.delete()  # Wagtail's placeholder "Welcome" page
    return home


def _index_page(home: HomePage, model, **fields):
    """The single ``model`` index under the home page, created on first use."""
    existing = model.objects.child_of(home).first()
    return existing or home.add_child(instance=model(**fields))


def _exercise(data: dict) -> Exercise:
    return Exercise(
        title=data["title"],
        instructions=data["instructions"],
        starter_code=data["starter"],
        solution=data["solution"],
        test_cases=[{"type": "test_case", "value": case} for case in data["tests"]],
    )


def _lesson(course: CoursePage, data: dict, images) -> None:
    lesson = LessonPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        estimated_minutes=data["minutes"],
        body=_resolve_body(data["body"], images, {}),
    )
    for exercise in data["exercises"]:
        lesson.exercises.add(_exercise(exercise))
    course.add_child(instance=lesson)
    lesson.save_revision().publish()


def _courses(index, images, authors) -> int:
    created = 0
    existing = {course.slug: course for course in CoursePage.objects.all()}
    for data in course_content.COURSES:
        if data["slug"] in existing:
            continue
        course = CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            difficulty=data["difficulty"],
            estimated_hours=data["estimated_hours"],
            cover_image=images[data["cover"]],
            search_description=data["summary"],
            objectives=[{"type": "objective", "value": text} for text in data["objectives"]],
        )
        course.authors = [authors[slug] for slug in data["authors"]]
        course.prerequisites = [existing[slug] for slug in data.get("prerequisites", [])]
        course.tags.set(data["tags"])
        index.add_child(instance=course)
        course.save_revision().publish()
        for lesson in data["lessons"]:
            _lesson(course, lesson, images)
        existing[course.slug] = course
        created += 1
    return created


def _image(title: str, description: str, draw) -> Image:
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=description, file=draw())
        image.save()
    return image


def _cover_images() -> dict[str, Image]:
    return {
        key: _image(label, label, lambda label=label, a=start, b=end: draw_cover(label, a, b))
        for key, (label, start, end) in content.IMAGES.items()
    }


def _authors() -> dict[str, Author]:
    authors = {}
    for data in content.AUTHORS:
        photo = _image(
            f"Portrait of {data['name']}",
            f"Portrait of {data['name']}",
            lambda data=data: draw_portrait(data["name"], data["colour"]),
        )
        authors[data["slug"]], _ = Author.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "bio": data["bio"], "photo": photo}
        )
    return authors


def _categories() -> dict[str, Category]:
    return {
        slug: Category.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for name, slug in content.CATEGORIES
    }


def _resolve_body(body: list[dict], images: dict[str, Image], page_ids: dict[str, int]):
    def link(match: re.Match) -> str:
        return f'id="{page_ids[match.group(1)]}"'

    resolved = []
    for block in body:
        value = block["value"]
        if block["type"] == "image":
            value = {**value, "image": images[value["image"]].pk}
        elif block["type"] == "paragraph":
            value = _DEMO_LINK.sub(link, value)
        resolved.append({"type": block["type"], "value": value})
    return resolved


def _posts(index, images, authors, categories) -> int:
    created = 0
    page_ids = dict(BlogPage.objects.values_list("slug", "pk"))
    for data in content.POSTS:
        if data["slug"] in page_ids:
            continue
        post = BlogPage(
            title=data["title"],
            slug=data["slug"],
            introduction=data["introduction"],
            date=datetime.date.fromisoformat(data["date"]),
            difficulty=data["difficulty"],
            hero_image=images[data["hero"]],
            search_description=data["introduction"],
            body=_resolve_body(data["body"], images, page_ids),
        )
        post.authors = [authors[slug] for slug in data["authors"]]
        post.categories = [categories[slug] for slug in data["categories"]]
        post.tags.set(data["tags"])
        index.add_child(instance=post)
        post.save_revision().publish()
        page_ids[post.slug] = post.pk
        created += 1
    return created


def _warm_renditions() -> None:
    for image in Image.objects.all():
        image.get_renditions(*ALL_RENDITION_SPECS, RICH_TEXT_RENDITION_SPEC)


def _admin_user(password: str) -> tuple[str, str | None]:
    user_model = get_user_model()
    if user_model.objects.filter(username="admin").exists():
        return "admin", None
    user_model.objects.create_superuser("admin", "admin@example.com", password)
    return "admin", password


@transaction.atomic
def demo_site_load(*, admin_password: str) -> DemoReport:
    """Create the demo site, its content and an admin user; report what was created.

    ``admin_password`` is only used when the ``admin`` user does not exist yet, and
    the report's password is None when the user already existed.
    """
    home = _home_page()
    index = _index_page(
        home,
        BlogIndexPage,
        title="Blog",
        slug="blog",
        introduction="Tutorials, deep dives and career advice from our teachers.",
    )
    images = _cover_images()
    authors = _authors()
    created = _posts(index, images, authors, _categories())
    courses_index = _index_page(
        home,
        CoursesIndexPage,
        title="Courses",
        slug="courses",
        introduction="Structured paths from your first line of code to real projects.",
    )
    _courses(courses_index, images, authors)
    _warm_renditions()
    username, password = _admin_user(admin_password)
    return DemoReport(
        created_posts=created,
        total_posts=BlogPage.objects.live().count(),
        total_courses=CoursePage.objects.live().count(),
        admin_username=username,
        admin_password=password,
    )
