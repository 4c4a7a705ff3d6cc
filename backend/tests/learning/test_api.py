import pytest
from rest_framework.test import APIClient

from learning.models import Enrolment, LessonCompletion, Submission
from learning.services import enrolment_create
from learning.submissions import submission_create
from tests.factories import LessonPageFactory, make_exercise, make_test_case, reading_lesson

V1 = "/api/v1"


@pytest.fixture
def enrolled(learner, course):
    enrolment_create(learner=learner, course=course)
    return learner


@pytest.mark.django_db
def test_course_list_is_public_and_personalised_when_signed_in(
    api_client, learner_client, course, lessons
):
    anonymous = api_client.get(f"{V1}/courses/").json()
    signed_in = learner_client.get(f"{V1}/courses/").json()

    assert anonymous["meta"]["total_count"] == 1
    item = anonymous["items"][0]
    assert (item["title"], item["lesson_count"], item["enrolled"], item["progress"]) == (
        "Python 101",
        3,
        None,
        None,
    )
    assert signed_in["items"][0]["enrolled"] is False
    assert signed_in["items"][0]["progress"]["percentage"] == 0


@pytest.mark.django_db
def test_course_list_filters_by_difficulty_and_refuses_an_unknown_one(api_client, course):
    course.difficulty = "advanced"
    course.save_revision().publish()

    advanced = api_client.get(f"{V1}/courses/", {"difficulty": "advanced"}).json()
    beginner = api_client.get(f"{V1}/courses/", {"difficulty": "beginner"}).json()
    unknown = api_client.get(f"{V1}/courses/", {"difficulty": "expert\x00"})

    assert [item["title"] for item in advanced["items"]] == ["Python 101"]
    assert beginner["items"] == []
    assert unknown.status_code == 400
    assert unknown.json()["fields"] == {"difficulty": ["Unknown difficulty."]}


@pytest.mark.django_db
def test_course_detail_has_the_outline_objectives_and_prerequisites(api_client, course, lessons):
    response = api_client.get(f"{V1}/courses/{course.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert [lesson["title"] for lesson in body["lessons"]] == ["Lesson 1", "Lesson 2", "Lesson 3"]
    assert body["lessons"][0]["exercise_count"] == 1
    assert body["lessons"][0]["completed"] is None
    assert body["html_url"] == "http://frontend.test/courses/python-101/"


@pytest.mark.django_db
def test_unpublished_courses_and_lessons_are_not_found(api_client, course, lessons):
    lessons[1].unpublish()

    assert api_client.get(f"{V1}/lessons/{lessons[1].pk}/").status_code == 404
    assert len(api_client.get(f"{V1}/courses/{course.pk}/").json()["lessons"]) == 2
    course.unpublish()
    assert api_client.get(f"{V1}/courses/{course.pk}/").status_code == 404


@pytest.mark.django_db
def test_lesson_detail_links_previous_and_next(api_client, lessons):
    body = api_client.get(f"{V1}/lessons/{lessons[1].pk}/").json()

    assert body["previous"]["id"] == lessons[0].pk
    assert body["next"]["id"] == lessons[2].pk
    assert body["body"][0]["type"] == "paragraph"
    assert body["exercises"] == [{"id": lessons[1].exercises.get().pk, "title": "Answer"}]


@pytest.mark.django_db
def test_exercise_detail_never_shows_the_solution_or_hidden_tests(api_client, lessons):
    ex = lessons[0].exercises.get()

    response = api_client.get(f"{V1}/exercises/{ex.pk}/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "return 42" not in text
    assert "secret" not in text
    assert "answer() - 42" not in text
    assert response.json()["hidden_test_count"] == 1
    assert [test["name"] for test in response.json()["tests"]] == ["works", "is an int"]


@pytest.mark.django_db
def test_exercise_instructions_are_sanitised_html(api_client, lessons):
    ex = lessons[0].exercises.get()
    ex.instructions = (
        '<p onmouseover="steal()">Return 42.<script>steal()</script>'
        '<img src="x" onerror="steal()"><a href="javascript:steal()">why</a></p>'
    )
    ex.save(update_fields=["instructions"])

    instructions = api_client.get(f"{V1}/exercises/{ex.pk}/").json()["instructions"]

    assert instructions == '<p>Return 42.<img src="x"><a>why</a></p>'


@pytest.mark.django_db
def test_exercises_of_draft_lessons_are_not_found(api_client, course):
    draft = LessonPageFactory(parent=course, live=False, exercises=[make_exercise()])

    assert api_client.get(f"{V1}/exercises/{draft.exercises.get().pk}/").status_code == 404


@pytest.mark.django_db
def test_enrol_is_idempotent_and_unenrol_removes_it(learner_client, learner, course):
    first = learner_client.put(f"{V1}/courses/{course.pk}/enrolment/")
    second = learner_client.put(f"{V1}/courses/{course.pk}/enrolment/")

    assert (first.status_code, second.status_code) == (201, 200)
    assert learner_client.get(f"{V1}/enrolments/").json()["meta"]["total_count"] == 1
    assert learner_client.delete(f"{V1}/courses/{course.pk}/enrolment/").status_code == 204
    assert learner_client.delete(f"{V1}/courses/{course.pk}/enrolment/").status_code == 404
    assert not Enrolment.objects.filter(learner=learner).exists()


@pytest.mark.django_db
def test_completing_a_lesson_is_idempotent(learner_client, enrolled, lessons):
    url = f"{V1}/lessons/{reading_lesson(lessons[0]).pk}/completion/"

    assert learner_client.put(url).status_code == 201
    assert learner_client.put(url).status_code == 200
    assert LessonCompletion.objects.filter(learner=enrolled).count() == 1


@pytest.mark.django_db
def test_a_lesson_with_exercises_is_completed_by_passing_them_not_by_request(
    learner_client, enrolled, lessons, django_capture_on_commit_callbacks
):
    url = f"{V1}/lessons/{lessons[0].pk}/completion/"
    exercise = lessons[0].exercises.get()

    refused = learner_client.put(url)
    with django_capture_on_commit_callbacks(execute=True):
        learner_client.post(
            f"{V1}/submissions/",
            {"exercise": exercise.pk, "code": "def answer():\n    return 42\n"},
            format="json",
        )

    assert refused.status_code == 409
    assert refused.json()["code"] == "exercises_not_passed"
    assert LessonCompletion.objects.filter(learner=enrolled, lesson=lessons[0]).exists()
    assert learner_client.put(url).status_code == 200


@pytest.mark.django_db
def test_completing_without_enrolling_is_a_409(learner_client, lessons):
    response = learner_client.put(f"{V1}/lessons/{lessons[0].pk}/completion/")

    assert response.status_code == 409
    assert response.json()["code"] == "not_enrolled"


@pytest.mark.django_db
def test_submitting_code_queues_it(learner_client, enrolled, lessons):
    ex = lessons[0].exercises.get()

    response = learner_client.post(
        f"{V1}/submissions/",
        {"exercise": ex.pk, "code": "def answer():\n    return 42\n"},
        format="json",
    )

    assert response.status_code == 202
    body = response.json()
    assert body["exercise"] == ex.pk
    assert body["status"] in {"queued", "running", "passed"}
    assert Submission.objects.filter(learner=enrolled).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload",
    [{}, {"exercise": "x", "code": "1"}, {"exercise": 1}, {"exercise": -1, "code": "1"}, []],
)
def test_bad_submission_payloads_are_400s(learner_client, enrolled, payload):
    response = learner_client.post(f"{V1}/submissions/", payload, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


@pytest.mark.django_db
def test_malformed_json_is_a_400_in_the_error_format(learner_client):
    response = learner_client.post(
        f"{V1}/submissions/", data="{nope", content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["message"] == "The request body is not valid JSON."


@pytest.mark.django_db
def test_submissions_of_other_learners_are_invisible(
    learner_client, enrolled, other_learner, course, lessons
):
    enrolment_create(learner=other_learner, course=course)
    theirs = submission_create(
        learner=other_learner, exercise=lessons[0].exercises.get(), code="x = 1"
    )

    assert learner_client.get(f"{V1}/submissions/{theirs.pk}/").status_code == 404
    assert learner_client.get(f"{V1}/submissions/").json()["meta"]["total_count"] == 0


@pytest.mark.django_db
def test_staff_see_every_submission(staff, learner, enrolled, lessons):
    submission = submission_create(learner=learner, exercise=lessons[0].exercises.get(), code="1")
    client = APIClient()
    client.force_authenticate(staff)

    assert client.get(f"{V1}/submissions/{submission.pk}/").status_code == 200
    assert client.get(f"{V1}/submissions/").json()["meta"]["total_count"] == 1


@pytest.mark.django_db
def test_submission_list_filters_by_exercise_and_status(learner_client, enrolled, lessons):
    first, second = (lesson.exercises.get() for lesson in lessons[:2])
    submission_create(learner=enrolled, exercise=first, code="1")
    submission_create(learner=enrolled, exercise=second, code="2")

    by_exercise = learner_client.get(f"{V1}/submissions/?exercise={second.pk}").json()

    assert [item["exercise"] for item in by_exercise["items"]] == [second.pk]
    assert learner_client.get(f"{V1}/submissions/?status=bogus").status_code == 400
    assert learner_client.get(f"{V1}/submissions/?exercise=abc").status_code == 400


@pytest.mark.django_db
def test_progress_and_dashboard_summarise_the_learner(learner_client, enrolled, lessons):
    learner_client.put(f"{V1}/lessons/{reading_lesson(lessons[0]).pk}/completion/")

    progress = learner_client.get(f"{V1}/progress/").json()
    dashboard = learner_client.get(f"{V1}/dashboard/").json()

    assert progress["streak"]["current_days"] == 1
    assert progress["courses"][0]["progress"]["percentage"] == 33
    assert progress["courses"][0]["progress"]["resume_lesson"]["id"] == lessons[1].pk
    assert dashboard["courses"] == progress["courses"]
    assert dashboard["recent_submissions"] == []


@pytest.mark.django_db
def test_anonymous_requests_to_private_endpoints_are_401s(api_client, course):
    response = api_client.put(f"{V1}/courses/{course.pk}/enrolment/")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert "X-Session-Token" in response["WWW-Authenticate"]


@pytest.mark.django_db
def test_exercise_with_only_hidden_tests_still_counts_them(api_client, course):
    lesson = LessonPageFactory(
        parent=course, exercises=[make_exercise(test_cases=[make_test_case(hidden=True)])]
    )

    body = api_client.get(f"{V1}/exercises/{lesson.exercises.get().pk}/").json()

    assert (body["tests"], body["hidden_test_count"]) == ([], 1)


@pytest.mark.django_db
def test_listings_order_the_same_way_everywhere(learner_client, enrolled, lessons):
    for code in ("1", "2"):
        submission_create(learner=enrolled, exercise=lessons[0].exercises.get(), code=code)

    newest_first = learner_client.get(f"{V1}/submissions/").json()["items"]
    oldest_first = learner_client.get(f"{V1}/submissions/?order=created_at").json()["items"]

    assert [item["code"] for item in newest_first] == ["2", "1"]
    assert [item["code"] for item in oldest_first] == ["1", "2"]
    assert learner_client.get(f"{V1}/courses/?order=-title").status_code == 200
    bad = learner_client.get(f"{V1}/enrolments/?order=learner")
    assert bad.status_code == 400
    assert "order" in bad.json()["fields"]


@pytest.mark.django_db
def test_dashboard_lists_recent_submissions(learner_client, enrolled, lessons):
    submission_create(learner=enrolled, exercise=lessons[0].exercises.get(), code="x = 1")

    response = learner_client.get(f"{V1}/dashboard/")

    assert response.status_code == 200
    assert [item["code"] for item in response.json()["recent_submissions"]] == ["x = 1"]
