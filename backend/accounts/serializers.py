from rest_framework import serializers

from delivery.urls import backend_url


class ProfileOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="user.pk")
    email = serializers.EmailField(source="user.email")
    display_name = serializers.CharField()
    bio = serializers.CharField()
    avatar_url = serializers.SerializerMethodField()
    is_staff = serializers.BooleanField(source="user.is_staff")

    def get_avatar_url(self, profile) -> str | None:
        return backend_url(profile.avatar.url) if profile.avatar else None


class ProfileInputSerializer(serializers.Serializer):
    display_name = serializers.CharField(max_length=80, required=False, allow_blank=True)
    bio = serializers.CharField(max_length=500, required=False, allow_blank=True)


class AvatarInputSerializer(serializers.Serializer):
    avatar = serializers.FileField()
