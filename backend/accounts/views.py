from drf_spectacular.utils import extend_schema
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.serializers import (
    AvatarInputSerializer,
    ProfileInputSerializer,
    ProfileOutputSerializer,
)
from accounts.services import (
    profile_avatar_delete,
    profile_avatar_set,
    profile_get_or_create,
    profile_update,
)
from core.openapi import errors


class MeView(APIView):
    """The signed-in learner's own profile."""

    @extend_schema(
        operation_id="me_retrieve", responses={200: ProfileOutputSerializer, **errors(401)}
    )
    def get(self, request):
        profile = profile_get_or_create(user=request.user)
        return Response(ProfileOutputSerializer(profile).data)

    @extend_schema(
        operation_id="me_update",
        request=ProfileInputSerializer,
        responses={200: ProfileOutputSerializer, **errors(400, 401, 403)},
    )
    def patch(self, request):
        serializer = ProfileInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        profile = profile_update(user=request.user, **serializer.validated_data)
        return Response(ProfileOutputSerializer(profile).data)


class AvatarView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="avatar_update",
        request={"multipart/form-data": AvatarInputSerializer},
        responses={200: ProfileOutputSerializer, **errors(400, 401, 403, 413)},
    )
    def put(self, request):
        serializer = AvatarInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        profile = profile_avatar_set(user=request.user, upload=serializer.validated_data["avatar"])
        return Response(ProfileOutputSerializer(profile).data)

    @extend_schema(
        operation_id="avatar_delete", responses={200: ProfileOutputSerializer, **errors(401, 403)}
    )
    def delete(self, request):
        profile = profile_avatar_delete(user=request.user)
        return Response(ProfileOutputSerializer(profile).data)
