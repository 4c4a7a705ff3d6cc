import datetime

from django.db import models
from django.db.models.functions import Cast
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from ai.widgets import AITextarea
from blog.reading_time import estimate_reading_minutes
from blog.serializers import CategoriesField
from core.choices import Difficulty
from delivery.blocks import ArticleStreamBlock
from delivery.fields import ImageField, TagNamesField
from delivery.pages import HeadlessPage
from delivery.querysets import authored_page_relations, with_related_list
from people.serializers import AuthorsField


class BlogIndexPage(HeadlessPage):
    introduction = models.TextField(blank=True, max_length=500)

    content_panels = HeadlessPage.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]


@register_snippet
class Category(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.BlogPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class BlogPage(HeadlessPage):
    introduction = models.TextField(
        max_length=500, help_text="One or two sentences for cards and feeds."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField("publication date", default=datetime.date.today)
    authors = ParentalManyToManyField("people.Author", blank=True, related_name="blog_posts")
    categories = ParentalManyToManyField(Category, blank=True, related_name="posts")
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True)
    difficulty = models.CharField(
        max_length=12, choices=Difficulty.choices, default=Difficulty.BEGINNER
    )
    reading_time_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    body = StreamField(ArticleStreamBlock())

    content_panels = HeadlessPage.content_panels + [
        FieldPanel(
            "introduction",
            widget=AITextarea(feature="blog_introduction", sources={"title": "^title"}),
        ),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("authors"),
                FieldPanel("categories"),
                FieldPanel("tags"),
                FieldPanel("difficulty"),
            ],
            heading="About this post",
        ),
        FieldPanel("body"),
    ]

    search_fields = HeadlessPage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("difficulty"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("hero_image", serializer=ImageField()),
        APIField("date"),
        APIField("authors", serializer=AuthorsField()),
        APIField("categories", serializer=CategoriesField()),
        APIField("tags", serializer=TagNamesField()),
        APIField("difficulty"),
        APIField("reading_time_minutes"),
        APIField("body"),
    ]
    api_filters = {
        "tag": "tagged_items__tag__slug",
        "category": "categories__slug",
        "author": "authors__slug",
    }
    api_default_ordering = ("-date", "-pk")

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        indexes = [
            # The listing's order: PostgreSQL reads one page of posts from this index
            # instead of sorting them all (bench/scale.py).
            models.Index(fields=["-date", "-page_ptr"], name="blog_post_listing_order"),
            # Search index entries name their object by a text id; this lets PostgreSQL
            # look posts up from the matching entries instead of reading every post.
            models.Index(
                Cast("page_ptr", output_field=models.CharField(max_length=50)),
                name="blog_post_search_entry_id",
            ),
        ]

    @classmethod
    def api_queryset(cls, queryset):
        return with_related_list(
            authored_page_relations(queryset, image_field="hero_image", tag_model=BlogPageTag),
            "categories",
            annotation="api_categories",
            columns=("name", "slug"),
        )

    def save(self, *args, **kwargs):
        self.reading_time_minutes = estimate_reading_minutes(self.body)
        super().save(*args, **kwargs)
