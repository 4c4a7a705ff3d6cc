from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"

    def ready(self):
        from courses.models import CoursePageTag
        from delivery.cache import register_content_models

        # The content API shows them: a change retires its cached responses.
        register_content_models(CoursePageTag)
