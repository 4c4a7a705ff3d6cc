from django import forms
from django.utils.functional import cached_property
from wagtail import blocks

from ai.widgets import AITextarea


class TestCodeBlock(blocks.TextBlock):
    """A test's code, with "Generate with AI" writing asserts from the exercise's solution."""

    @cached_property
    def field(self):
        widget = AITextarea(
            feature="generate_tests",
            sources={"code": "solution", "instructions": "instructions", "exercise": "title"},
            attrs={"rows": 4},
        )
        return forms.CharField(widget=widget, **self.field_options)


class TestCaseBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text="Shown to learners, e.g. 'adds two numbers'.")
    code = TestCodeBlock(
        help_text="Python statements using assert against the learner's code, which is in scope."
    )
    hidden = blocks.BooleanBlock(
        required=False, help_text="Hidden tests show learners only pass or fail."
    )
    weight = blocks.IntegerBlock(min_value=1, max_value=100, default=1)

    class Meta:
        icon = "tick"


class ObjectiveBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=200, **kwargs)

    class Meta:
        icon = "success"
