from django.urls import path

from accounts.views import AvatarView, MeView
from learning import views

urlpatterns = [
    path("courses/", views.CourseListView.as_view(), name="course-list"),
    path("courses/<int:course_id>/", views.CourseDetailView.as_view(), name="course-detail"),
    path(
        "courses/<int:course_id>/enrolment/",
        views.EnrolmentView.as_view(),
        name="course-enrolment",
    ),
    path("enrolments/", views.EnrolmentListView.as_view(), name="enrolment-list"),
    path("lessons/<int:lesson_id>/", views.LessonDetailView.as_view(), name="lesson-detail"),
    path(
        "lessons/<int:lesson_id>/completion/",
        views.LessonCompletionView.as_view(),
        name="lesson-completion",
    ),
    path(
        "exercises/<int:exercise_id>/", views.ExerciseDetailView.as_view(), name="exercise-detail"
    ),
    path("submissions/", views.SubmissionListView.as_view(), name="submission-list"),
    path(
        "submissions/<int:submission_id>/",
        views.SubmissionDetailView.as_view(),
        name="submission-detail",
    ),
    path("progress/", views.ProgressView.as_view(), name="progress"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("me/", MeView.as_view(), name="me"),
    path("me/avatar/", AvatarView.as_view(), name="me-avatar"),
]
