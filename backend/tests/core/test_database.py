import os
import stat
import subprocess
import sys
from pathlib import Path

from core.database import owner_only

BACKEND = Path(__file__).resolve().parents[2]


class _Connection:
    vendor = "sqlite"

    def __init__(self, path):
        self.settings_dict = {"NAME": str(path)}


def test_an_existing_sqlite_file_becomes_readable_by_its_owner_only(tmp_path):
    database = tmp_path / "db.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o644)

    owner_only(sender=None, connection=_Connection(database))

    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_a_new_embedded_database_is_created_owner_only(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    env.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0", "auth"],
        cwd=BACKEND,
        env=env,
        check=True,
    )

    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_development_settings_do_not_allow_unisolated_grading_by_default():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    env.pop("GRADING_ALLOW_UNISOLATED", None)
    shown = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; import django; "
         "django.setup(); print(settings.GRADING_ALLOW_UNISOLATED)"],
        cwd=BACKEND,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )  # fmt: skip

    assert shown.stdout.strip() == "False"
