"""The Draftail editor with "Generate with AI"; imported only once the models are loaded."""

from django.forms import Media
from wagtail.admin.rich_text.editors.draftail import (
    DraftailRichTextArea,
    DraftailRichTextAreaAdapter,
)
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register

from ai.widgets import GenerateButtonMixin


class AIDraftailRichTextArea(GenerateButtonMixin, DraftailRichTextArea):
    @property
    def media(self):
        # Wagtail's draftail.js first: the StreamField widget class extends its editor.
        return super().media + Media(
            js=[
                versioned_static("wagtailadmin/js/draftail.js"),
                versioned_static("ai/generate.js"),
                versioned_static("ai/draftail_widget.js"),
            ]
        )


class AIDraftailRichTextAreaAdapter(DraftailRichTextAreaAdapter):
    """Inside a StreamField, widgets are drawn in the browser: our JS class adds the button."""

    js_constructor = "codecampus.widgets.AIDraftailRichTextArea"

    def js_args(self, widget):
        return [*super().js_args(widget), widget.ai_config]


register(AIDraftailRichTextAreaAdapter(), AIDraftailRichTextArea)
