from django.urls import path, register_converter

from accounts.views import AvatarView, MeView
from core.ids import DatabaseIdConverter
from learning import views

register_converter(DatabaseIdConverter, "id")

urlpatterns = [
    path("courses/", views.CourseListView.as_view(), name="course-list"),
    path("courses/<id:course_id>/", views.CourseDetailView.as_view(), name="course-detail"),
    path(
        "courses/<id:course_id>/enrolment/",
        views.EnrolmentView.as_view(),
        name="course-enrolment",
    ),
    path("enrolments/", views.EnrolmentListView.as_view(), name="enrolment-list"),
    path("lessons/<id:lesson_id>/", views.LessonDetailView.as_view(), name="lesson-detail"),
    path(
        "lessons/<id:lesson_id>/completion/",
        views.LessonCompletionView.as_view(),
        name="lesson-completion",
    ),
    path("exercises/<id:exercise_id>/", views.ExerciseDetailView.as_view(), name="exercise-detail"),
    path("submissions/", views.SubmissionListView.as_view(), name="submission-list"),
    path(
        "submissions/<id:submission_id>/",
        views.SubmissionDetailView.as_view(),
        name="submission-detail",
    ),
    path("progress/", views.ProgressView.as_view(), name="progress"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("me/", MeView.as_view(), name="me"),
    path("me/avatar/", AvatarView.as_view(), name="me-avatar"),
]
