from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from core.choices import Difficulty
from core.ids import is_database_id
from core.openapi import PAGE_PARAMETERS, errors, paginated
from core.ordering import order_parameter, ordered
from courses.models import CoursePage
from delivery.images import attach_renditions, loaded_images
from delivery.prefetch import prefetched_references
from delivery.reader_html import reader_html
from learning import selectors, serializers, services, submissions
from learning.models import SubmissionStatus

COURSE_ORDERING = ("title", "first_published_at")
ENROLMENT_ORDERING = ("created_at",)
SUBMISSION_ORDERING = ("created_at", "score")


def _learner(request):
    user = request.user
    return user if user.is_authenticated else None


def _course_or_404(course_id: int) -> CoursePage:
    course = selectors.course_list().filter(pk=course_id).first()
    if course is None:
        raise NotFound()
    return course


class CourseListView(GenericAPIView):
    """Published courses; a signed-in learner also gets their enrolment and progress."""

    permission_classes = [AllowAny]
    serializer_class = serializers.CourseSummarySerializer

    def get_queryset(self):
        queryset = selectors.course_list().select_related("cover_image")
        if difficulty := self.request.query_params.get("difficulty"):
            if difficulty not in Difficulty.values:
                raise ValidationError({"difficulty": ["Unknown difficulty."]})
            queryset = queryset.filter(difficulty=difficulty)
        return ordered(queryset, self.request, COURSE_ORDERING)

    @extend_schema(
        operation_id="courses_list",
        parameters=[
            *PAGE_PARAMETERS,
            OpenApiParameter("difficulty", str, enum=Difficulty.values),
            order_parameter(COURSE_ORDERING),
        ],
        responses={
            200: paginated(serializers.CourseSummarySerializer, "CourseSummary"),
            **errors(400),
        },
    )
    def get(self, request):
        courses = self.paginate_queryset(self.get_queryset())
        attach_renditions(loaded_images(courses))
        learner = _learner(request)
        lessons = selectors.lessons_by_course(courses=courses)
        enrolled_ids = (
            set(selectors.learner_enrolments(learner=learner).values_list("course_id", flat=True))
            if learner
            else set()
        )
        progress = (
            selectors.courses_progress(learner=learner, courses=courses, lessons=lessons)
            if learner
            else {}
        )
        items = [
            serializers.course_summary(
                course,
                lessons=lessons[course.pk],
                enrolled=(course.pk in enrolled_ids) if learner else None,
                progress=progress.get(course.pk),
                request=request,
            )
            for course in courses
        ]
        return self.get_paginated_response(items)


class CourseDetailView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="courses_retrieve",
        responses={200: serializers.CourseDetailSerializer, **errors(404)},
    )
    def get(self, request, course_id: int):
        course = _course_or_404(course_id)
        lessons = selectors.course_lessons(course=course)
        learner = _learner(request)
        data = serializers.course_detail(
            course,
            lessons=lessons,
            completed_ids=(
                selectors.completed_lesson_ids(learner=learner, course_ids=[course.pk])
                if learner
                else None
            ),
            enrolled=selectors.is_enrolled(learner=learner, course_id=course.pk)
            if learner
            else None,
            progress=selectors.course_progress(learner=learner, course=course, lessons=lessons)
            if learner
            else None,
            request=request,
        )
        return Response(serializers.CourseDetailSerializer(data).data)


class EnrolmentView(APIView):
    """``PUT`` enrols (201 the first time, 200 after); ``DELETE`` unenrols."""

    @extend_schema(
        operation_id="enrolment_create",
        request=None,
        responses={
            200: serializers.EnrolmentSerializer,
            201: serializers.EnrolmentSerializer,
            **errors(401, 403, 404),
        },
    )
    def put(self, request, course_id: int):
        course = _course_or_404(course_id)
        enrolment, created = services.enrolment_create(learner=request.user, course=course)
        return Response(
            serializers.enrolment_representation(enrolment, request),
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        operation_id="enrolment_delete",
        responses={204: None, **errors(401, 403, 404)},
    )
    def delete(self, request, course_id: int):
        course = _course_or_404(course_id)
        if not services.enrolment_delete(learner=request.user, course=course):
            raise NotFound()
        return Response(status=status.HTTP_204_NO_CONTENT)


class EnrolmentListView(GenericAPIView):
    serializer_class = serializers.EnrolmentSerializer

    @extend_schema(
        operation_id="enrolments_list",
        parameters=[*PAGE_PARAMETERS, order_parameter(ENROLMENT_ORDERING)],
        responses={
            200: paginated(serializers.EnrolmentSerializer, "Enrolment"),
            **errors(400, 401),
        },
    )
    def get(self, request):
        enrolments = selectors.learner_enrolments(learner=request.user)
        enrolments = self.paginate_queryset(ordered(enrolments, request, ENROLMENT_ORDERING))
        return self.get_paginated_response(
            [serializers.enrolment_representation(enrolment, request) for enrolment in enrolments]
        )


def _neighbours(lesson, lessons):
    ids = [item.pk for item in lessons]
    index = ids.index(lesson.pk)
    previous = lessons[index - 1] if index > 0 else None
    following = lessons[index + 1] if index + 1 < len(lessons) else None
    return previous, following


class LessonDetailView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="lessons_retrieve",
        responses={200: serializers.LessonDetailSerializer, **errors(404)},
    )
    def get(self, request, lesson_id: int):
        lesson = selectors.lesson_get(lesson_id=lesson_id)
        if lesson is None:
            raise NotFound()
        course = selectors.lesson_course(lesson=lesson)
        lessons = selectors.course_lessons(course=course)
        previous, following = _neighbours(lesson, lessons)
        learner = _learner(request)
        with prefetched_references([lesson], request=request):
            body = lesson.body.stream_block.get_api_representation(
                lesson.body, {"request": request}
            )
        data = {
            **serializers.page_link(lesson, request),
            "summary": lesson.summary,
            "estimated_minutes": lesson.estimated_minutes,
            "body": body,
            "course": serializers.page_link(course, request),
            "previous": serializers.page_link(previous, request),
            "next": serializers.page_link(following, request),
            "exercises": [{"id": ex.pk, "title": ex.title} for ex in lesson.exercises.all()],
            "completed": (
                lesson.pk in selectors.completed_lesson_ids(learner=learner, course_ids=[course.pk])
                if learner
                else None
            ),
        }
        return Response(serializers.LessonDetailSerializer(data).data)


class LessonCompletionView(APIView):
    """``PUT`` marks the lesson complete: 201 the first time, 200 after."""

    @extend_schema(
        operation_id="lesson_completion_create",
        request=None,
        responses={
            200: serializers.CompletionSerializer,
            201: serializers.CompletionSerializer,
            **errors(401, 403, 404, 409),
        },
    )
    def put(self, request, lesson_id: int):
        lesson = selectors.lesson_get(lesson_id=lesson_id)
        if lesson is None:
            raise NotFound()
        completion, created = services.lesson_complete(learner=request.user, lesson=lesson)
        return Response(
            serializers.CompletionSerializer(completion).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class ExerciseDetailView(APIView):
    """The exercise as learners see it: never the solution, never a hidden test."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="exercises_retrieve",
        responses={200: serializers.ExerciseDetailSerializer, **errors(404)},
    )
    def get(self, request, exercise_id: int):
        exercise = selectors.exercise_get(exercise_id=exercise_id)
        if exercise is None:
            raise NotFound()
        tests = exercise.test_case_list
        data = {
            "id": exercise.pk,
            "title": exercise.title,
            "instructions": reader_html(exercise.instructions),
            "language": exercise.language,
            "starter_code": exercise.starter_code,
            "time_limit_seconds": exercise.time_limit_seconds,
            "memory_limit_mb": exercise.memory_limit_mb,
            "lesson": serializers.page_link(exercise.lesson, request),
            "tests": [
                {"name": test["name"], "code": test["code"], "weight": test["weight"]}
                for test in tests
                if not test["hidden"]
            ],
            "hidden_test_count": sum(1 for test in tests if test["hidden"]),
        }
        return Response(serializers.ExerciseDetailSerializer(data).data)


class SubmissionListView(GenericAPIView):
    """Learners list and create their own submissions; staff can list everyone's."""

    serializer_class = serializers.SubmissionSerializer
    throttle_scope = "submissions"

    def get_throttles(self):
        return [ScopedRateThrottle()] if self.request.method == "POST" else []

    def get_queryset(self):
        queryset = selectors.submission_list(user=self.request.user)
        params = self.request.query_params
        if (exercise := params.get("exercise")) is not None:
            if not is_database_id(exercise):
                raise ValidationError({"exercise": ["Must be a positive integer id."]})
            queryset = queryset.filter(exercise_id=int(exercise))
        if (wanted := params.get("status")) is not None:
            if wanted not in SubmissionStatus.values:
                raise ValidationError({"status": ["Unknown status."]})
            queryset = queryset.filter(status=wanted)
        return ordered(queryset, self.request, SUBMISSION_ORDERING)

    @extend_schema(
        operation_id="submissions_list",
        parameters=[
            *PAGE_PARAMETERS,
            OpenApiParameter("exercise", int),
            OpenApiParameter("status", str, enum=SubmissionStatus.values),
            order_parameter(SUBMISSION_ORDERING),
        ],
        responses={
            200: paginated(serializers.SubmissionSerializer, "Submission"),
            **errors(400, 401),
        },
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        operation_id="submissions_create",
        request=serializers.SubmissionInputSerializer,
        examples=[
            OpenApiExample(
                "A solution",
                value={"exercise": 1, "code": "def seconds_in_days(n):\n    return n * 86400\n"},
                request_only=True,
            )
        ],
        responses={
            202: serializers.SubmissionSerializer,
            **errors(400, 401, 403, 404, 409, 413, 429),
        },
    )
    def post(self, request):
        payload = serializers.SubmissionInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        exercise = selectors.exercise_get(exercise_id=payload.validated_data["exercise"])
        if exercise is None:
            raise NotFound()
        submission = submissions.submission_create(
            learner=request.user, exercise=exercise, code=payload.validated_data["code"]
        )
        submission.refresh_from_db()
        return Response(
            serializers.SubmissionSerializer(submission).data, status=status.HTTP_202_ACCEPTED
        )


class SubmissionDetailView(APIView):
    @extend_schema(
        operation_id="submissions_retrieve",
        responses={200: serializers.SubmissionSerializer, **errors(401, 404)},
    )
    def get(self, request, submission_id: int):
        submission = get_object_or_404(
            selectors.submission_list(user=request.user), pk=submission_id
        )
        return Response(serializers.SubmissionSerializer(submission).data)


def _courses_progress(learner, request):
    enrolments = selectors.learner_enrolments(learner=learner)
    courses = [
        enrolment.course for enrolment in enrolments.filter(course__in=selectors.course_list())
    ]
    progress = selectors.courses_progress(learner=learner, courses=courses)
    return [
        {
            "course": serializers.page_link(course, request),
            "progress": serializers.progress_representation(progress[course.pk], request),
        }
        for course in courses
    ]


class ProgressView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="progress_retrieve",
        responses={200: serializers.ProgressOverviewSerializer, **errors(401)},
    )
    def get(self, request):
        data = {
            "streak": selectors.learner_streak(learner=request.user).__dict__,
            "courses": _courses_progress(request.user, request),
        }
        return Response(serializers.ProgressOverviewSerializer(data).data)


class DashboardView(APIView):
    RECENT_SUBMISSIONS = 5

    @extend_schema(
        operation_id="dashboard_retrieve",
        responses={200: serializers.DashboardSerializer, **errors(401)},
    )
    def get(self, request):
        recent = selectors.submission_list(user=request.user).filter(learner=request.user)
        data = {
            "streak": selectors.learner_streak(learner=request.user).__dict__,
            "courses": _courses_progress(request.user, request),
            "recent_submissions": recent[: self.RECENT_SUBMISSIONS],
        }
        return Response(serializers.DashboardSerializer(data).data)
