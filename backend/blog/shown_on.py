"""The live posts that show a snippet, tag or image: regenerated when it changes
(``delivery.revalidation.register_shown_on``)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, ReferenceIndex

from blog.models import BlogPage


def _live_posts():
    return BlogPage.objects.live().only("pk", "path", "url_path", "depth")


def posts_by(author):
    return _live_posts().filter(authors=author)


def posts_in(category):
    return _live_posts().filter(categories=category)


def posts_tagged(tag):
    return _live_posts().filter(tagged_items__tag=tag)


def posts_showing_image(image):
    """Posts with the image as hero, or anywhere in their body (Wagtail's reference index)."""
    in_body = ReferenceIndex.get_references_to(image).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = [int(object_id) for object_id in in_body.values_list("object_id", flat=True)]
    return _live_posts().filter(Q(hero_image=image) | Q(pk__in=page_ids))
