"""Drafts for the frontend's preview route, behind wagtail-headless-preview tokens.

The package signs each token but never checks its age, and looks a preview up by
token alone. Here a token is the reader's only credential, so it must carry a
valid signature, be younger than ``PREVIEW_TOKEN_MAX_AGE`` seconds, and name the
page (or the new page's parent and type) whose draft it was issued for.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from rest_framework.exceptions import NotFound
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

EXPIRED_OR_INVALID = "This preview link is invalid or has expired; open the preview again."


def preview_page(*, content_type: str, token: str) -> Page:
    """The draft a preview token was issued for; NotFound for any token that fails a check."""
    identifier = _verified_identifier(token)
    page_type = _content_type(content_type)
    preview = PagePreview.objects.filter(token=token, content_type=page_type).first()
    if preview is None:
        raise NotFound(EXPIRED_OR_INVALID)
    page = preview.as_page()
    if not _issued_for(page, identifier):
        raise NotFound(EXPIRED_OR_INVALID)
    return page


def _verified_identifier(token: str) -> dict[str, str]:
    try:
        signed_value = HeadlessPreviewMixin.get_preview_signer().unsign(
            token, max_age=settings.PREVIEW_TOKEN_MAX_AGE
        )
    except BadSignature as exc:  # SignatureExpired is a BadSignature too
        raise NotFound(EXPIRED_OR_INVALID) from exc
    return dict(part.partition("=")[::2] for part in signed_value.split(";"))


def _content_type(label: str) -> ContentType:
    app_label, _, model = label.partition(".")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model.lower())
    except ContentType.DoesNotExist as exc:
        raise NotFound(EXPIRED_OR_INVALID) from exc
    model_class = content_type.model_class()
    if model_class is None or not issubclass(model_class, HeadlessPreviewMixin):
        raise NotFound(EXPIRED_OR_INVALID)
    return content_type


def _issued_for(page: Page, identifier: dict[str, str]) -> bool:
    if "id" in identifier:
        return str(page.pk) == identifier["id"]
    return page.pk is None and identifier.get("page_type") == page._meta.label
