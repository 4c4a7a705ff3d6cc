from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ai.panels import AIRichTextFieldPanel
from core.choices import Difficulty
from courses.blocks import CaseBlock, ObjectiveBlock, TestCaseBlock, test_code
from courses.validation import validate_exercise_behaviour, validate_exercise_shape
from delivery.blocks import RICH_TEXT_FEATURES, ArticleStreamBlock
from delivery.fields import ExerciseTitlesField, ImageField, TagNamesField
from delivery.pages import HeadlessPage
from delivery.querysets import authored_page_relations
from people.serializers import AuthorsField


class CoursesIndexPage(HeadlessPage):
    introduction = models.TextField(blank=True, max_length=500)

    content_panels = HeadlessPage.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]


class CoursePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CoursePage(HeadlessPage):
    summary = models.TextField(max_length=600)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    difficulty = models.CharField(
        max_length=12, choices=Difficulty.choices, default=Difficulty.BEGINNER
    )
    estimated_hours = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    objectives = StreamField([("objective", ObjectiveBlock())], blank=True)
    prerequisites = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="required_by"
    )
    authors = ParentalManyToManyField("people.Author", blank=True, related_name="courses")
    tags = ClusterTaggableManager(through=CoursePageTag, blank=True)

    content_panels = HeadlessPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("difficulty"),
                FieldPanel("estimated_hours"),
                FieldPanel("authors"),
                FieldPanel("tags"),
                FieldPanel("prerequisites"),
            ],
            heading="About this course",
        ),
        FieldPanel("objectives"),
    ]
    search_fields = HeadlessPage.search_fields + [
        index.SearchField("summary"),
        index.FilterField("difficulty"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("cover_image", serializer=ImageField()),
        APIField("difficulty"),
        APIField("estimated_hours"),
        APIField("objectives"),
        APIField("authors", serializer=AuthorsField()),
        APIField("tags", serializer=TagNamesField()),
    ]
    api_filters = {"tag": "tagged_items__tag__slug", "author": "authors__slug"}

    parent_page_types = ["courses.CoursesIndexPage"]
    subpage_types = ["courses.LessonPage"]

    @classmethod
    def api_queryset(cls, queryset):
        return authored_page_relations(queryset, image_field="cover_image", tag_model=CoursePageTag)


class LessonPage(HeadlessPage):
    summary = models.TextField(blank=True, max_length=400)
    estimated_minutes = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    body = StreamField(ArticleStreamBlock())

    content_panels = HeadlessPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
        InlinePanel("exercises", heading="Exercises", label="Exercise"),
    ]
    search_fields = HeadlessPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("estimated_minutes"),
        APIField("body"),
        APIField("exercises", serializer=ExerciseTitlesField()),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    @classmethod
    def api_queryset(cls, queryset):
        # Titles only: never a solution or a test, and one query for a whole listing.
        titles = Exercise.objects.only("pk", "title", "lesson_id", "sort_order")
        return queryset.prefetch_related(models.Prefetch("exercises", queryset=titles))


class ExerciseLanguage(models.TextChoices):
    PYTHON3 = "python3", "Python 3"


class Exercise(Orderable):
    """A coding exercise inside a lesson, published and versioned with the lesson."""

    lesson = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="exercises")
    title = models.CharField(max_length=200)
    instructions = RichTextField(features=RICH_TEXT_FEATURES)
    language = models.CharField(
        max_length=20, choices=ExerciseLanguage.choices, default=ExerciseLanguage.PYTHON3
    )
    starter_code = models.TextField(blank=True)
    solution = models.TextField(help_text="The reference solution. Never shown to learners.")
    test_cases = StreamField([("test_case", TestCaseBlock()), ("case", CaseBlock())])
    time_limit_seconds = models.PositiveSmallIntegerField(
        default=5, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    memory_limit_mb = models.PositiveSmallIntegerField(
        default=128, validators=[MinValueValidator(32), MaxValueValidator(1024)]
    )

    panels = [
        FieldPanel("title"),
        AIRichTextFieldPanel(
            "instructions", feature="generate_exercise", features=RICH_TEXT_FEATURES
        ),
        FieldPanel("language"),
        FieldPanel("starter_code"),
        FieldPanel("solution"),
        FieldPanel("test_cases"),
        MultiFieldPanel(
            [FieldPanel("time_limit_seconds"), FieldPanel("memory_limit_mb")], heading="Limits"
        ),
    ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        validate_exercise_shape(self)
        validate_exercise_behaviour(self)

    @property
    def test_case_list(self) -> list[dict]:
        """Test cases as plain dicts: ``name``, ``code``, ``hidden`` and ``weight``."""
        return [
            {
                "name": block.value["name"],
                "code": test_code(block),
                "hidden": bool(block.value["hidden"]),
                "weight": block.value["weight"],
            }
            for block in self.test_cases
        ]
