from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"

    def ready(self):
        from delivery.cache import register_content_models
        from people.models import Author

        # The content API shows them: a change retires its cached responses.
        register_content_models(Author)
