"""Markers for tests that need the real grading sandbox."""

import os

import pytest

from grading import sandbox


def _bubblewrap_available() -> bool:
    try:
        return sandbox.active_isolation() == sandbox.BUBBLEWRAP
    except sandbox.SandboxUnavailable:
        return False


# CI installs bubblewrap, so there a missing sandbox fails these tests instead of
# skipping them.
requires_bubblewrap = pytest.mark.skipif(
    not os.environ.get("CI") and not _bubblewrap_available(),
    reason="bubblewrap is not available on this machine",
)
