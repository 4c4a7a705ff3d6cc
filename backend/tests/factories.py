import datetime

import factory
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from blog.models import BlogIndexPage, BlogPage, Category
from courses.models import CoursePage, CoursesIndexPage, Exercise, LessonPage
from home.models import HomePage
from people.models import Author


def tree_root() -> Page:
    """The root page, recreated if a transactional test flushed what migrations made."""
    Locale.objects.get_or_create(language_code="en")
    return Page.get_first_root_node() or Page.add_root(title="Root", slug="root")


def root_collection() -> Collection:
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct-horse-battery-staple")

    class Meta:
        model = get_user_model()


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.LazyAttribute(lambda image: f"Alt text for {image.title}")
    file = factory.django.ImageField(width=1200, height=675, color="teal")
    collection = factory.LazyFunction(root_collection)

    class Meta:
        model = get_image_model()


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    bio = "Writes about programming."
    photo = factory.SubFactory(ImageFactory)

    class Meta:
        model = Author


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = Category


class PageFactory(factory.django.DjangoModelFactory):
    """Pages are created as children of ``parent`` and published unless ``live=False``."""

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, tags=(), authors=(), categories=(), **kwargs):
        page = model_class(**kwargs)
        if authors:
            page.authors = list(authors)
        if categories:
            page.categories = list(categories)
        if tags:
            page.tags.set(list(tags))
        parent.add_child(instance=page)
        if page.live:
            page.save_revision().publish()
        else:
            page.save_revision()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage


class BlogIndexPageFactory(PageFactory):
    title = "Blog"
    slug = "blog"

    class Meta:
        model = BlogIndexPage


class BlogPageFactory(PageFactory):
    introduction = "An introduction."
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Hello.</p>"}])

    class Meta:
        model = BlogPage


class CoursesIndexPageFactory(PageFactory):
    title = "Courses"
    slug = "courses"

    class Meta:
        model = CoursesIndexPage


class CoursePageFactory(PageFactory):
    summary = "A course."

    class Meta:
        model = CoursePage


def make_test_case(name="works", code="assert answer() == 42", *, hidden=False, weight=1) -> dict:
    return {
        "type": "test_case",
        "value": {"name": name, "code": code, "hidden": hidden, "weight": weight},
    }


def make_exercise(**fields) -> Exercise:
    defaults = {
        "title": "Answer",
        "instructions": "<p>Return 42.</p>",
        "starter_code": "def answer():\n    return 0\n",
        "solution": "def answer():\n    return 42\n",
        "test_cases": [
            make_test_case(),
            make_test_case("is an int", "assert isinstance(answer(), int)"),
            make_test_case("secret", "assert answer() - 42 == 0", hidden=True, weight=2),
        ],
    }
    return Exercise(**{**defaults, **fields})


class LessonPageFactory(PageFactory):
    summary = "A lesson."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Learn.</p>"}])

    class Meta:
        model = LessonPage

    @classmethod
    def _create(cls, model_class, *args, exercises=None, **kwargs):
        kwargs.setdefault("parent", None)
        parent = kwargs.pop("parent")
        page = model_class(**kwargs)
        for item in exercises if exercises is not None else [make_exercise()]:
            page.exercises.add(item)
        parent.add_child(instance=page)
        if page.live:
            page.save_revision().publish()
        return page


def reading_lesson(lesson: LessonPage) -> LessonPage:
    """``lesson`` without exercises: one that a learner completes by marking it read."""
    lesson.exercises.all().delete()
    return lesson
