import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from learning.errors import NotEnrolledError
from learning.models import ActivityDay, Enrolment, LessonCompletion, Submission
from learning.services import enrolment_create, enrolment_delete, lesson_complete
from learning.submissions import submission_create
from tests.factories import reading_lesson


@pytest.mark.django_db
def test_enrolment_create_is_idempotent(learner, course):
    first, created_first = enrolment_create(learner=learner, course=course)
    second, created_second = enrolment_create(learner=learner, course=course)

    assert (created_first, created_second) == (True, False)
    assert first.pk == second.pk
    assert Enrolment.objects.count() == 1


@pytest.mark.django_db
def test_enrolment_delete_reports_whether_anything_was_deleted(learner, course):
    enrolment_create(learner=learner, course=course)

    assert enrolment_delete(learner=learner, course=course) is True
    assert enrolment_delete(learner=learner, course=course) is False


@pytest.mark.django_db
def test_lesson_complete_needs_an_enrolment(learner, lessons):
    with pytest.raises(NotEnrolledError):
        lesson_complete(learner=learner, lesson=lessons[0])


@pytest.mark.django_db
def test_lesson_complete_is_idempotent_and_records_activity(learner, course, lessons):
    enrolment_create(learner=learner, course=course)

    reading_lesson(lessons[0])
    _, created_first = lesson_complete(learner=learner, lesson=lessons[0])
    _, created_second = lesson_complete(learner=learner, lesson=lessons[0])

    assert (created_first, created_second) == (True, False)
    assert LessonCompletion.objects.get().course_id == course.pk
    assert ActivityDay.objects.filter(learner=learner).count() == 1


@pytest.mark.django_db
def test_submission_create_queues_code_and_copies_titles(learner, course, lessons):
    enrolment_create(learner=learner, course=course)
    exercise = lessons[0].exercises.get()

    submission = submission_create(learner=learner, exercise=exercise, code="print(1)")

    assert submission.status == "queued"
    assert (submission.exercise_title, submission.lesson_title, submission.course_title) == (
        exercise.title,
        "Lesson 1",
        "Python 101",
    )


@pytest.mark.django_db
def test_submission_create_needs_an_enrolment(learner, lessons):
    with pytest.raises(NotEnrolledError):
        submission_create(learner=learner, exercise=lessons[0].exercises.get(), code="x = 1")


@pytest.mark.django_db
@override_settings(SUBMISSION_MAX_CODE_BYTES=10)
def test_submission_create_refuses_code_over_the_size_cap(learner, course, lessons):
    enrolment_create(learner=learner, course=course)

    with pytest.raises(ValidationError):
        # Six characters, but "é" is two bytes in UTF-8: twelve bytes.
        submission_create(learner=learner, exercise=lessons[0].exercises.get(), code="éééééé")

    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_deleting_a_lesson_keeps_its_graded_submissions_readable(learner, course, lessons):
    enrolment_create(learner=learner, course=course)
    submission = submission_create(
        learner=learner, exercise=lessons[0].exercises.get(), code="x = 1"
    )

    lessons[0].delete()

    submission.refresh_from_db()
    assert (submission.exercise_id, submission.lesson_id) == (None, None)
    assert submission.lesson_title == "Lesson 1"
    assert submission.code == "x = 1"
