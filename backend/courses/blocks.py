import ast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

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


def _python_expression_error(source: str) -> str | None:
    try:
        ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        return f"Not a Python expression: {exc.msg}."
    return None


class CaseBlock(blocks.StructBlock):
    """A test written as a call and the value it must return, for authors who do not
    write asserts; graded as ``assert <call> == <expected>``."""

    name = blocks.CharBlock(max_length=120, help_text="Shown to learners, e.g. 'two days'.")
    call = blocks.CharBlock(
        max_length=500, help_text="A call of the learner's function, e.g. seconds_in_days(2)."
    )
    expected = blocks.CharBlock(
        max_length=500,
        help_text="The value it must return, as Python: 172800, 'Hello, Ada!', [1, 2], None.",
    )
    hidden = blocks.BooleanBlock(
        required=False, help_text="Hidden tests show learners only pass or fail."
    )
    weight = blocks.IntegerBlock(min_value=1, max_value=100, default=1)

    class Meta:
        icon = "table"
        label = "Test case (call and expected value)"

    def clean(self, value):
        value = super().clean(value)
        errors = {
            name: ValidationError(message)
            for name in ("call", "expected")
            if (message := _python_expression_error(value[name]))
        }
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


def test_code(block) -> str:
    """A test block's code: an assert-style test as written, a case as its assert."""
    if block.block_type == "case":
        return f"assert {block.value['call'].strip()} == {block.value['expected'].strip()}"
    return block.value["code"]


class ObjectiveBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=200, **kwargs)

    class Meta:
        icon = "success"
