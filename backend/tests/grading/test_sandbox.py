import pytest
from django.test import override_settings

from grading import sandbox
from grading.engine import grade
from grading.limits import Limits


@override_settings(GRADING_ISOLATION="none", GRADING_ALLOW_UNISOLATED=False)
def test_grading_without_isolation_is_refused_unless_allowed():
    with pytest.raises(sandbox.SandboxUnavailable):
        sandbox.active_isolation()


@override_settings(GRADING_ISOLATION="none", GRADING_ALLOW_UNISOLATED=True)
def test_the_unisolated_fallback_still_applies_limits_and_scrubs_the_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "must-not-leak")
    tests = [{"name": "env", "code": "import os\nassert 'SECRET_KEY' not in os.environ"}]

    assert grade(code="", test_cases=tests, limits=Limits()).status == "passed"
    slow = grade(code="while True: pass", test_cases=tests, limits=Limits(cpu_seconds=1))
    assert slow.status == "timeout"


def test_exercise_limits_are_held_under_the_global_ceilings(settings):
    settings.GRADING_MAX_CPU_SECONDS = 3
    settings.GRADING_MAX_MEMORY_MB = 256

    class Exercise:
        time_limit_seconds = 30
        memory_limit_mb = 1024

    limits = Limits.for_exercise(Exercise())

    assert (limits.cpu_seconds, limits.memory_mb) == (3, 256)
