from django.core.exceptions import ValidationError
from django.db import transaction
from PIL import Image as PillowImage
from PIL import UnidentifiedImageError

from accounts.models import Profile

AVATAR_MAX_BYTES = 2 * 1024 * 1024
# A few bytes can declare billions of pixels (a decompression bomb): the header's
# size is checked before any pixel is decoded.
AVATAR_MAX_PIXELS = 4096 * 4096
TOO_MANY_PIXELS = "The image must be at most 4096 by 4096 pixels."
AVATAR_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def profile_get_or_create(*, user) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def profile_update(*, user, **fields) -> Profile:
    """Update ``display_name`` and/or ``bio``; other keys are ignored."""
    profile = profile_get_or_create(user=user)
    for name in ("display_name", "bio"):
        if name in fields:
            setattr(profile, name, fields[name])
    profile.full_clean()
    profile.save()
    return profile


def _verified_image_format(upload) -> str:
    if upload.size > AVATAR_MAX_BYTES:
        raise ValidationError({"avatar": ["The image must be at most 2 MB."]})
    try:
        with PillowImage.open(upload) as picture:
            width, height = picture.size
            if width * height > AVATAR_MAX_PIXELS:
                raise ValidationError({"avatar": [TOO_MANY_PIXELS]})
            picture.verify()
            image_format = picture.format
    except PillowImage.DecompressionBombError as exc:
        raise ValidationError({"avatar": [TOO_MANY_PIXELS]}) from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError({"avatar": ["Upload a JPEG, PNG or WebP image."]}) from exc
    if image_format not in AVATAR_FORMATS:
        raise ValidationError({"avatar": ["Upload a JPEG, PNG or WebP image."]})
    upload.seek(0)
    return AVATAR_FORMATS[image_format]


@transaction.atomic
def profile_avatar_set(*, user, upload) -> Profile:
    """Replace the avatar with ``upload`` after checking it really is a small image."""
    extension = _verified_image_format(upload)
    profile = profile_get_or_create(user=user)
    if profile.avatar:
        profile.avatar.delete(save=False)
    profile.avatar.save(f"avatar.{extension}", upload, save=True)
    return profile


@transaction.atomic
def profile_avatar_delete(*, user) -> Profile:
    profile = profile_get_or_create(user=user)
    if profile.avatar:
        profile.avatar.delete(save=True)
    return profile
