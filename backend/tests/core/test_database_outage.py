"""When PostgreSQL goes away, requests fail cleanly and recover by themselves.

The outage is real: the connection is closed and pointed at a port where no
server listens (connection refused), then pointed back, as after a restart.
"""

import pytest
from django.db import connection
from django.test import Client

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database server to lose"),
]

ENDPOINTS = ["/api/v2/pages/", "/api/v1/courses/", "/admin/login/", "/healthz/"]


@pytest.fixture
def database_down():
    """Takes the database away; calling the value brings it back."""
    real_port = connection.settings_dict["PORT"]

    def bring_back():
        connection.close()
        connection.settings_dict["PORT"] = real_port

    connection.close()
    connection.settings_dict["PORT"] = "1"
    yield bring_back
    bring_back()


@pytest.mark.usefixtures("database_down")
@pytest.mark.parametrize("path", ENDPOINTS)
def test_requests_get_a_json_503_while_the_database_is_down(path):
    response = Client(raise_request_exception=False).get(path)

    assert response.status_code == 503
    body = response.json()
    if path != "/healthz/":
        assert body == {
            "status": 503,
            "code": "service_unavailable",
            "message": "The service is temporarily unavailable.",
        }
        assert response["Retry-After"] == "5"


def test_requests_succeed_again_once_the_database_is_back(home, database_down):
    client = Client(raise_request_exception=False)
    assert client.get("/api/v1/courses/").status_code == 503

    database_down()

    assert client.get("/api/v1/courses/").status_code == 200
