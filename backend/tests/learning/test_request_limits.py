import json

import pytest


@pytest.mark.django_db
def test_request_bodies_over_the_limit_are_413s_in_the_error_format(learner_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    body = json.dumps({"exercise": 1, "code": "x" * 4096})

    response = learner_client.post(
        "/api/v1/submissions/", data=body, content_type="application/json"
    )

    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
