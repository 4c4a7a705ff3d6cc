from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"

    def ready(self):
        from blog.models import BlogPageTag, Category
        from delivery.cache import register_content_models

        # The content API shows them: a change retires its cached responses.
        register_content_models(BlogPageTag, Category)
