"""Content blocks shared by blog posts and lessons, each with a typed API shape."""

from django import forms
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_ai.blocks import ai_image_block

from ai.widgets import ai_rich_text_widget
from delivery import prefetch
from delivery.images import image_representation
from delivery.reader_html import reader_html

RICH_TEXT_FEATURES = ["bold", "italic", "code", "link", "document-link", "ol", "ul", "image", "hr"]

CODE_LANGUAGES = [
    ("python", "Python"),
    ("javascript", "JavaScript"),
    ("typescript", "TypeScript"),
    ("html", "HTML"),
    ("css", "CSS"),
    ("bash", "Shell"),
    ("sql", "SQL"),
    ("json", "JSON"),
    ("yaml", "YAML"),
    ("rust", "Rust"),
    ("go", "Go"),
    ("text", "Plain text"),
]


class PrefetchedImageChooserBlock(ImageChooserBlock):
    """Reads images from the request's prefetched batch before asking the database."""

    def bulk_to_python(self, values):
        values = list(values)
        prefetched = prefetch.current()
        if prefetched is None:
            return super().bulk_to_python(values)
        missing = [
            value for value in values if value is not None and value not in prefetched.images
        ]
        found = dict(zip(missing, super().bulk_to_python(missing), strict=True)) if missing else {}
        return [prefetched.images.get(value, found.get(value)) for value in values]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    @cached_property
    def field(self):
        # A section of a post or lesson, with "Generate with AI" to improve its text.
        widget = ai_rich_text_widget(
            feature="improve_section",
            sources={"text": "@self", "title": "^title"},
            features=self.features,
        )
        return forms.CharField(widget=widget, **self.field_options)

    def get_api_representation(self, value, context=None):
        return reader_html(value.source)

    class Meta:
        icon = "pilcrow"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2")

    class Meta:
        icon = "title"

    def get_api_representation(self, value, context=None):
        return {"text": value["text"], "level": value["level"], "anchor": slugify(value["text"])}


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=CODE_LANGUAGES, default="python")
    filename = blocks.CharBlock(required=False, max_length=120)
    code = blocks.TextBlock()

    class Meta:
        icon = "code"


# wagtail-ai's contextual alt text: suggested from the image and the text around it.
@ai_image_block(alt_text_field_name="alt_text", image_field_name="image")
class ImageBlock(blocks.StructBlock):
    image = PrefetchedImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text="Describe the image for screen readers; blank uses the image's description.",
    )
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "image"

    def get_api_representation(self, value, context=None):
        return {
            "image": image_representation(value["image"], alt=value["alt_text"]),
            "caption": value["caption"],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("note", "Note"), ("tip", "Tip"), ("warning", "Warning"), ("danger", "Danger")],
        default="note",
    )
    title = blocks.CharBlock(required=False, max_length=120)
    body = ParagraphBlock()

    class Meta:
        icon = "warning"


class VideoEmbedBlock(blocks.StructBlock):
    url = EmbedBlock(help_text="A YouTube, Vimeo or other oEmbed URL.")
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "media"

    def get_api_representation(self, value, context=None):
        return {"url": value["url"].url if value["url"] else None, "caption": value["caption"]}


class ArticleStreamBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    code = CodeBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    embed = VideoEmbedBlock()
