""" "Generate with AI" form widgets for the fields wagtail-ai's built-ins do not cover.

Each widget renders its field plus a button bound to the ``cc-ai-generate``
Stimulus controller (ai/static/ai/generate.js), loaded through the widget's
``Media``. ``sources`` name the other form fields whose current values go into
the request's context: ``"^title"`` is a page field, ``"solution"`` a field of
the same inline form (an exercise), ``"@self"`` the field's own text.
"""

import json

from django import forms
from django.forms import Media
from django.template.loader import render_to_string
from wagtail.admin.staticfiles import versioned_static

from ai.prompts import FEATURES


class GenerateButtonMixin:
    def __init__(self, *args, feature: str, sources: dict[str, str] | None = None, **kwargs):
        if feature not in FEATURES:
            raise ValueError(f"Unknown AI feature {feature!r}")
        self.ai_feature = feature
        self.ai_sources = sources or {}
        super().__init__(*args, **kwargs)

    @property
    def ai_config(self) -> dict:
        return {
            "feature": self.ai_feature,
            "label": FEATURES[self.ai_feature].label,
            "sources": self.ai_sources,
        }

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        field_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        button = render_to_string(
            "ai/widgets/generate_button.html",
            {
                "target_id": field_id,
                "label": FEATURES[self.ai_feature].label,
                "config": json.dumps(self.ai_config),
            },
        )
        return field + button

    @property
    def media(self):
        return super().media + Media(
            js=[versioned_static("ai/generate.js")],
            css={"all": [versioned_static("ai/generate.css")]},
        )


class AITextarea(GenerateButtonMixin, forms.Textarea):
    pass


def ai_rich_text_widget(**kwargs):
    """A Draftail editor with the button; built late, as Draftail needs the models loaded."""
    from ai.draftail import AIDraftailRichTextArea

    return AIDraftailRichTextArea(**kwargs)
