import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

from accounts.models import Profile
from accounts.services import AVATAR_MAX_BYTES, TOO_MANY_PIXELS


def _png(size=(64, 64)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "teal").save(buffer, format="PNG")
    return SimpleUploadedFile("me.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.django_db
def test_profile_starts_empty_and_can_be_edited(learner_client, learner):
    assert learner_client.get("/api/v1/me/").json()["display_name"] == ""

    response = learner_client.patch(
        "/api/v1/me/", {"display_name": "Ada", "bio": "I like loops."}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["display_name"] == "Ada"
    assert Profile.objects.get(user=learner).bio == "I like loops."


@pytest.mark.django_db
def test_overlong_profile_fields_are_400s(learner_client):
    response = learner_client.patch("/api/v1/me/", {"display_name": "x" * 81}, format="json")

    assert response.status_code == 400
    assert "display_name" in response.json()["fields"]


@pytest.mark.django_db
def test_avatar_upload_accepts_a_real_image(learner_client):
    response = learner_client.put("/api/v1/me/avatar/", {"avatar": _png()}, format="multipart")

    assert response.status_code == 200
    assert response.json()["avatar_url"].startswith("http://backend.test/media/avatars/")


@pytest.mark.django_db
def test_avatar_upload_refuses_files_that_are_not_images(learner_client):
    fake = SimpleUploadedFile("me.png", b"<script>alert(1)</script>", content_type="image/png")

    response = learner_client.put("/api/v1/me/avatar/", {"avatar": fake}, format="multipart")

    assert response.status_code == 400
    assert "avatar" in response.json()["fields"]


@pytest.mark.django_db
def test_avatar_upload_refuses_large_files(learner_client):
    big = SimpleUploadedFile("me.png", b"0" * (AVATAR_MAX_BYTES + 1), content_type="image/png")

    response = learner_client.put("/api/v1/me/avatar/", {"avatar": big}, format="multipart")

    assert response.status_code in {400, 413}


@pytest.mark.django_db
def test_avatar_can_be_removed(learner_client):
    learner_client.put("/api/v1/me/avatar/", {"avatar": _png()}, format="multipart")

    response = learner_client.delete("/api/v1/me/avatar/")

    assert response.json()["avatar_url"] is None


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares a huge image (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + (chunk(b"IEND", b""))
    )


@pytest.mark.django_db
@pytest.mark.parametrize("size", [(20000, 20000), (5000, 5000), (4097, 4096)])
def test_an_avatar_declaring_too_many_pixels_is_a_400(learner_client, size):
    bomb = SimpleUploadedFile("bomb.png", _png_declaring(*size), content_type="image/png")

    response = learner_client.put("/api/v1/me/avatar/", {"avatar": bomb}, format="multipart")

    assert response.status_code == 400
    assert response.json()["fields"] == {"avatar": [TOO_MANY_PIXELS]}
