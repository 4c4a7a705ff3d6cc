"""Demo pictures drawn locally with Pillow, so the demo needs no network."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

Colour = tuple[int, int, int]


def _blend(start: Colour, end: Colour, ratio: float) -> Colour:
    return tuple(round(a + (b - a) * ratio) for a, b in zip(start, end, strict=True))


def draw_cover(label: str, start: Colour, end: Colour, size=(1600, 900)) -> ImageFile:
    width, height = size
    picture = PillowImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for x in range(width):
        draw.line([(x, 0), (x, height)], fill=_blend(start, end, x / width))
    for index in range(6):
        radius = 60 + index * 45
        centre = (width - 260 - index * 90, 220 + index * 70)
        draw.ellipse(
            [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius],
            outline=(255, 255, 255),
            width=3,
        )
    font = ImageFont.load_default(size=max(28, height // 12))
    draw.text((80, height - 200), label, fill=(255, 255, 255), font=font)
    return _as_file(picture, label)


def draw_portrait(name: str, colour: Colour, size: int = 480) -> ImageFile:
    picture = PillowImage.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(picture)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    return _as_file(picture, name)


def _as_file(picture: PillowImage.Image, label: str) -> ImageFile:
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    buffer.seek(0)
    filename = "".join(ch if ch.isalnum() else "-" for ch in label.lower()) + ".jpg"
    return ImageFile(buffer, name=filename)
