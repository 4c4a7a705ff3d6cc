"""Output shapes of the learning API, and the inputs it accepts."""

from rest_framework import serializers

from core.text import validate_storable
from delivery.images import image_representation
from delivery.openapi import ArticleBodyField, AuthorSchema, ImageSchema, ReaderHtmlField
from delivery.urls import frontend_url, frontend_url_parts
from learning.models import Submission, SubmissionStatus
from people.serializers import author_representation


def _html_url(page, request=None) -> str | None:
    url_parts = frontend_url_parts(page, request)
    return frontend_url(url_parts[1]) if url_parts else None


def page_link(page, request=None) -> dict | None:
    if page is None:
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "slug": page.slug,
        "html_url": _html_url(page, request),
    }


class PageLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    html_url = serializers.URLField(allow_null=True)


class ProgressSerializer(serializers.Serializer):
    completed_lessons = serializers.IntegerField()
    total_lessons = serializers.IntegerField()
    percentage = serializers.IntegerField(min_value=0, max_value=100)
    resume_lesson = PageLinkSerializer(allow_null=True)
    last_activity_at = serializers.DateTimeField(allow_null=True)


def progress_representation(progress, request=None) -> dict | None:
    if progress is None:
        return None
    return {
        "completed_lessons": progress.completed_lessons,
        "total_lessons": progress.total_lessons,
        "percentage": progress.percentage,
        "resume_lesson": page_link(progress.resume_lesson, request),
        "last_activity_at": progress.last_activity_at,
    }


class CourseSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    html_url = serializers.URLField(allow_null=True)
    summary = serializers.CharField()
    difficulty = serializers.CharField()
    estimated_hours = serializers.IntegerField()
    cover_image = ImageSchema(allow_null=True)
    lesson_count = serializers.IntegerField()
    enrolled = serializers.BooleanField(allow_null=True)
    progress = ProgressSerializer(allow_null=True)


class LessonOutlineSerializer(PageLinkSerializer):
    summary = serializers.CharField()
    estimated_minutes = serializers.IntegerField()
    exercise_count = serializers.IntegerField()
    completed = serializers.BooleanField(allow_null=True)


class CourseDetailSerializer(CourseSummarySerializer):
    objectives = serializers.ListField(child=serializers.CharField())
    prerequisites = PageLinkSerializer(many=True)
    authors = AuthorSchema(many=True)
    tags = serializers.ListField(child=serializers.CharField())
    lessons = LessonOutlineSerializer(many=True)


def course_summary(course, *, lessons, enrolled, progress, request=None) -> dict:
    return {
        **page_link(course, request),
        "summary": course.summary,
        "difficulty": course.difficulty,
        "estimated_hours": course.estimated_hours,
        "cover_image": image_representation(course.cover_image),
        "lesson_count": len(lessons),
        "enrolled": enrolled,
        "progress": progress_representation(progress, request),
    }


def course_detail(course, *, lessons, completed_ids, enrolled, progress, request=None) -> dict:
    signed_in = completed_ids is not None
    return {
        **course_summary(
            course, lessons=lessons, enrolled=enrolled, progress=progress, request=request
        ),
        "objectives": [block.value for block in course.objectives],
        "prerequisites": [page_link(page, request) for page in course.prerequisites.all()],
        "authors": [author_representation(author) for author in course.authors.all()],
        "tags": sorted(item.tag.name for item in course.tagged_items.all()),
        "lessons": [
            {
                **page_link(lesson, request),
                "summary": lesson.summary,
                "estimated_minutes": lesson.estimated_minutes,
                "exercise_count": lesson.exercise_count,
                "completed": (lesson.pk in completed_ids) if signed_in else None,
            }
            for lesson in lessons
        ],
    }


class ExerciseLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class LessonDetailSerializer(PageLinkSerializer):
    summary = serializers.CharField()
    estimated_minutes = serializers.IntegerField()
    body = ArticleBodyField()
    course = PageLinkSerializer()
    previous = PageLinkSerializer(allow_null=True)
    next = PageLinkSerializer(allow_null=True)
    exercises = ExerciseLinkSerializer(many=True)
    completed = serializers.BooleanField(allow_null=True)


class VisibleTestSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()
    weight = serializers.IntegerField()


class ExerciseDetailSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    instructions = ReaderHtmlField()
    language = serializers.CharField()
    starter_code = serializers.CharField(allow_blank=True)
    time_limit_seconds = serializers.IntegerField()
    memory_limit_mb = serializers.IntegerField()
    lesson = PageLinkSerializer()
    tests = VisibleTestSerializer(many=True)
    hidden_test_count = serializers.IntegerField()


class EnrolmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    course = PageLinkSerializer()
    created_at = serializers.DateTimeField()


def enrolment_representation(enrolment, request=None) -> dict:
    return {
        "id": enrolment.pk,
        "course": page_link(enrolment.course, request),
        "created_at": enrolment.created_at,
    }


class CompletionSerializer(serializers.Serializer):
    lesson = serializers.IntegerField(source="lesson_id")
    course = serializers.IntegerField(source="course_id")
    completed_at = serializers.DateTimeField()


class CodeErrorSerializer(serializers.Serializer):
    """An error the learner's code raised: its type, message and the line it came from."""

    type = serializers.CharField()
    message = serializers.CharField(allow_blank=True)
    line = serializers.IntegerField(allow_null=True)
    text = serializers.CharField(required=False, allow_blank=True)


class TestDetailSerializer(serializers.Serializer):
    """Why a visible test failed: the call with the expected and the actual value
    (``seconds_in_days(1)``: expected ``86400``, got ``2``, as Python reprs), or the
    error the learner's code raised."""

    call = serializers.CharField(required=False)
    operator = serializers.ChoiceField(choices=["==", "!=", "is", "is not", "in"], required=False)
    expected = serializers.CharField(required=False)
    actual = serializers.CharField(required=False)
    error = CodeErrorSerializer(required=False)


class TestResultSerializer(serializers.Serializer):
    name = serializers.CharField()
    status = serializers.ChoiceField(choices=["passed", "failed", "error"])
    hidden = serializers.BooleanField()
    weight = serializers.IntegerField()
    message = serializers.CharField(allow_blank=True, required=False)
    output = serializers.CharField(allow_blank=True, required=False)
    duration_ms = serializers.IntegerField(required=False)
    detail = TestDetailSerializer(required=False, allow_null=True)


class SubmissionSerializer(serializers.ModelSerializer):
    exercise = serializers.IntegerField(source="exercise_id", allow_null=True)
    lesson = serializers.IntegerField(source="lesson_id", allow_null=True)
    course = serializers.IntegerField(source="course_id", allow_null=True)
    learner = serializers.IntegerField(source="learner_id")
    status = serializers.ChoiceField(choices=SubmissionStatus.choices)
    results = TestResultSerializer(many=True)

    class Meta:
        model = Submission
        fields = [
            "id",
            "learner",
            "exercise",
            "lesson",
            "course",
            "exercise_title",
            "lesson_title",
            "course_title",
            "code",
            "status",
            "score",
            "message",
            "results",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields


class SubmissionInputSerializer(serializers.Serializer):
    exercise = serializers.IntegerField(min_value=1)
    code = serializers.CharField(
        allow_blank=True,
        trim_whitespace=False,
        max_length=200_000,
        validators=[validate_storable],
    )


class StreakSerializer(serializers.Serializer):
    current_days = serializers.IntegerField()
    longest_days = serializers.IntegerField()
    last_active_on = serializers.DateField(allow_null=True)


class CourseProgressSerializer(serializers.Serializer):
    course = PageLinkSerializer()
    progress = ProgressSerializer()


class ProgressOverviewSerializer(serializers.Serializer):
    streak = StreakSerializer()
    courses = CourseProgressSerializer(many=True)


class DashboardSerializer(serializers.Serializer):
    streak = StreakSerializer()
    courses = CourseProgressSerializer(many=True)
    recent_submissions = SubmissionSerializer(many=True)
