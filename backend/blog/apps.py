from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"

    def ready(self):
        from taggit.models import Tag
        from wagtail.images import get_image_model

        from blog import shown_on
        from blog.models import BlogPageTag, Category
        from delivery.cache import register_content_models
        from delivery.revalidation import register_shown_on
        from people.models import Author

        # The content API shows them: a change retires its cached responses.
        register_content_models(BlogPageTag, Category)
        # Posts show them: a change regenerates the posts on the frontend.
        register_shown_on(Author, shown_on.posts_by)
        register_shown_on(Category, shown_on.posts_in)
        register_shown_on(Tag, shown_on.posts_tagged)
        register_shown_on(get_image_model(), shown_on.posts_showing_image)
