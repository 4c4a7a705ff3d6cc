from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from ai import services
from ai.providers import active_provider
from ai.serializers import GenerateRequestSerializer, GenerationSerializer, QuotaSerializer
from core.openapi import errors


class GenerateView(APIView):
    """Generate text with one AI feature. Authoring features are for staff."""

    @extend_schema(
        operation_id="ai_generate",
        request=GenerateRequestSerializer,
        responses={
            200: GenerationSerializer,
            **errors(400, 401, 403, 404, 413, 429, 503, 504),
        },
        examples=[
            OpenApiExample(
                "A hint for a failing submission",
                value={"feature": "hint", "context": {"submission_id": 42}},
                request_only=True,
            ),
            OpenApiExample(
                "Explain code",
                value={"feature": "explain_code", "context": {"code": "print(sum([1, 2]))"}},
                request_only=True,
            ),
        ],
    )
    def post(self, request):
        incoming = GenerateRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        generation = services.generate(
            user=request.user,
            feature_name=incoming.validated_data["feature"],
            given=incoming.validated_data["context"],
        )
        return Response(
            GenerationSerializer(generation).data, headers={"Cache-Control": "no-store"}
        )


class QuotaView(APIView):
    """The caller's AI call allowance for this hour, the provider and the features open to them."""

    @extend_schema(operation_id="ai_quota", responses={200: QuotaSerializer, **errors(401, 503)})
    def get(self, request):
        quota = services.quota(request.user)
        provider = active_provider()
        data = {
            "provider": provider.name,
            "model": provider.model,
            "offline": provider.name == "offline",
            "limit": quota.limit,
            "remaining_calls": quota.remaining_calls,
            "resets_in_seconds": quota.resets_in_seconds,
            "features": services.features_for(request.user),
        }
        return Response(QuotaSerializer(data).data, headers={"Cache-Control": "no-store"})
