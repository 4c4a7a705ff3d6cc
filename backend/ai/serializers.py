from rest_framework import serializers

from ai.prompts import API_FEATURES, FEATURES


class GenerationContextSerializer(serializers.Serializer):
    """What the feature works on: ids the server reads, or text the client sends."""

    page_id = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    exercise_id = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    submission_id = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    title = serializers.CharField(required=False, max_length=255)
    introduction = serializers.CharField(required=False, max_length=1000)
    tags = serializers.CharField(required=False, max_length=500)
    difficulty = serializers.CharField(required=False, max_length=40)
    language = serializers.CharField(required=False, max_length=40)
    topic = serializers.CharField(required=False, max_length=200)
    body = serializers.CharField(required=False, max_length=20_000)
    text = serializers.CharField(required=False, max_length=20_000)
    code = serializers.CharField(required=False, max_length=20_000, trim_whitespace=False)


class GenerateRequestSerializer(serializers.Serializer):
    feature = serializers.ChoiceField(
        choices=[(name, FEATURES[name].label) for name in API_FEATURES]
    )
    context = GenerationContextSerializer()


class GenerationSerializer(serializers.Serializer):
    content = serializers.CharField(help_text="Model output: untrusted plain text.")
    cached = serializers.BooleanField(help_text="Served from the cache, at no cost.")
    provider = serializers.CharField(
        help_text='"openai", "openai-compatible", or "offline" for the extractive offline engine.'
    )
    model = serializers.CharField()
    remaining_calls = serializers.IntegerField(
        allow_null=True, help_text="Provider calls left this hour; null when unlimited."
    )
    limit = serializers.IntegerField(
        allow_null=True, help_text="Calls per hour; null when unlimited."
    )


class FeatureSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    audience = serializers.CharField()


class QuotaSerializer(serializers.Serializer):
    provider = serializers.CharField()
    model = serializers.CharField()
    offline = serializers.BooleanField(help_text="True when answers come from the offline engine.")
    limit = serializers.IntegerField(allow_null=True)
    remaining_calls = serializers.IntegerField(allow_null=True)
    resets_in_seconds = serializers.IntegerField()
    features = FeatureSerializer(many=True)
