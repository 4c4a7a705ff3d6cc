"""Walks every URL pattern of our APIs and checks who may use it.

A new endpoint fails this test until its policy is written down in POLICIES.
"""

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver
from rest_framework.test import APIClient

from learning.services import enrolment_create
from learning.submissions import submission_create
from tests.support.url_policies import OWNER, POLICIES, PUBLIC, api_v1_patterns


def _concrete(route, ids):
    for name, value in ids.items():
        route = route.replace(f"<id:{name}>", str(value))
    assert "<" not in route, f"no test id for a parameter of {route}"
    return "/" + route


@pytest.fixture
def world(learner, other_learner, course, lessons):
    enrolment_create(learner=learner, course=course)
    exercise = lessons[0].exercises.get()
    submission = submission_create(learner=learner, exercise=exercise, code="x = 1")
    return {
        "course_id": course.pk,
        "lesson_id": lessons[0].pk,
        "exercise_id": exercise.pk,
        "submission_id": submission.pk,
    }


def _call(client, method, url):
    payload = {"exercise": 0, "code": ""} if method == "post" else {}
    return getattr(client, method)(url, payload, format="json")


@pytest.mark.django_db
def test_every_api_v1_url_has_a_policy():
    names = {name for name, _route in api_v1_patterns()}

    assert names == set(POLICIES)


@pytest.mark.django_db
def test_anonymous_users_reach_only_public_endpoints(world):
    client = APIClient()
    for name, route in api_v1_patterns():
        policy, methods = POLICIES[name]
        for method in methods:
            response = _call(client, method, _concrete(route, world))
            if policy == PUBLIC:
                assert response.status_code == 200, (name, method)
            else:
                assert response.status_code == 401, (name, method, response.status_code)
                assert response.json()["code"] == "not_authenticated"


@pytest.mark.django_db
def test_other_learners_cannot_read_a_learners_objects(world, other_learner):
    client = APIClient()
    client.force_authenticate(other_learner)
    for name, route in api_v1_patterns():
        policy, methods = POLICIES[name]
        if policy != OWNER:
            continue
        for method in methods:
            assert _call(client, method, _concrete(route, world)).status_code == 404, name


@pytest.mark.django_db
def test_owners_and_staff_can_read_owned_objects(world, learner, staff):
    for user in (learner, staff):
        client = APIClient()
        client.force_authenticate(user)
        for name, route in api_v1_patterns():
            if POLICIES[name][0] == OWNER:
                assert client.get(_concrete(route, world)).status_code == 200, (name, user)


@pytest.mark.django_db
def test_signed_in_endpoints_only_show_the_callers_own_data(world, other_learner):
    client = APIClient()
    client.force_authenticate(other_learner)

    assert client.get("/api/v1/submissions/").json()["meta"]["total_count"] == 0
    assert client.get("/api/v1/enrolments/").json()["meta"]["total_count"] == 0
    assert client.get("/api/v1/progress/").json()["courses"] == []
    assert client.get("/api/v1/dashboard/").json()["recent_submissions"] == []


# Every other URL pattern, by prefix: who may use it.
OTHER_PREFIXES = {
    "admin/": "editors (Wagtail's own permission checks)",
    "documents/": "anyone, within Wagtail's collection privacy",
    "api/v2/": "anyone: published, public content only",
    "api/auth/": "django-allauth's headless flows",
    "api/schema/": "anyone",
    "api/docs/": "anyone",
    "api/redoc/": "anyone",
    "healthz/": "anyone",
    "media/": "anyone (development only)",
}

# Routes matched as a whole, not as a prefix of others.
CATCH_ALL = {"api/": "anyone: the JSON 404 for every other path under /api/"}


def _all_routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _all_routes(pattern, route)
        else:
            yield route


def test_every_url_pattern_has_a_policy():
    unexplained = [
        route
        for route in _all_routes()
        if not route.startswith("api/v1/")
        and not route.lstrip("^").startswith(tuple(OTHER_PREFIXES))
        and route.lstrip("^") not in CATCH_ALL
    ]

    assert unexplained == []


@pytest.mark.django_db
def test_only_editors_reach_the_admin(learner, staff):
    admin_user = learner.__class__.objects.create_superuser("root", "root@example.com", "pw-x9!")
    anonymous = Client().get("/admin/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    for user in (learner, staff):
        client = Client()
        client.force_login(user)
        assert client.get("/admin/").status_code in (302, 403), user
    client = Client()
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200
