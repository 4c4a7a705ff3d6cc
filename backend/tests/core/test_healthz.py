import pytest
from django.core.cache import cache


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_cache_is_down(client, monkeypatch):
    def fail(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "set", fail)

    response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "down"}
