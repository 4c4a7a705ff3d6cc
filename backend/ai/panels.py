from wagtail.admin.panels import FieldPanel

from ai.widgets import ai_rich_text_widget


class AIRichTextFieldPanel(FieldPanel):
    """A rich text field with "Generate with AI"; its widget is built when the form is."""

    def __init__(self, field_name, *args, feature: str, features: list[str], **kwargs):
        self.ai_feature = feature
        self.rich_text_features = features
        super().__init__(field_name, *args, **kwargs)

    def clone_kwargs(self):
        return {
            **super().clone_kwargs(),
            "feature": self.ai_feature,
            "features": self.rich_text_features,
        }

    def get_form_options(self):
        options = super().get_form_options()
        widget = ai_rich_text_widget(feature=self.ai_feature, features=self.rich_text_features)
        options["widgets"] = {**options.get("widgets", {}), self.field_name: widget}
        return options
