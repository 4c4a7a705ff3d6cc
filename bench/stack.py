"""A production-like backend for benchmarks and load tests: gunicorn with production
settings on loopback, PostgreSQL and Redis from DATABASE_URL and REDIS_URL."""

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BACKEND = ROOT / "backend"


def production_like_env(port: int, **overrides: str) -> dict[str, str]:
    base_url = f"http://127.0.0.1:{port}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CORS_ALLOWED_ORIGINS": "http://localhost:3000",
        "CSRF_TRUSTED_ORIGINS": "http://localhost:3000",
        "FRONTEND_URL": "http://localhost:3000",
        "BACKEND_URL": base_url,
        "SECURE_SSL_REDIRECT": "false",
        "ACCOUNT_EMAIL_VERIFICATION": "optional",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "TASKS_BACKEND": "database",
        "REVALIDATE_SECRET": "",
        "LOG_LEVEL": "WARNING",
        **overrides,
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BACKEND,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def start(env: dict, port: int, *, workers: int = 2, grading_worker: bool = False) -> list:
    """gunicorn (and optionally a grading worker), once /healthz/ answers."""
    gunicorn = Path(sys.executable).parent / "gunicorn"
    processes = [
        subprocess.Popen(
            [
                str(gunicorn),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--threads",
                "4",
                "--worker-class",
                "gthread",
                "--log-level",
                "warning",
            ],
            cwd=BACKEND,
            env=env,
            start_new_session=True,
        )
    ]
    if grading_worker:
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "db_worker",
                    "--interval",
                    "0.2",
                    "--no-startup-delay",
                ],
                cwd=BACKEND,
                env=env,
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    if answers(f"http://127.0.0.1:{port}/healthz/"):
        return processes
    stop(processes)
    raise SystemExit("the backend did not become healthy")


def answers(url: str, seconds: float = 60) -> bool:
    """Whether ``url`` answers 200 within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    return False


def stop(processes: list) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def setup_django(env: dict) -> None:
    """Use the same settings in this process (for the ORM and query counts)."""
    os.environ.update(env)
    sys.path.insert(0, str(BACKEND))
    import django

    django.setup()


def scratch_database_url(name: str) -> str:
    """DATABASE_URL's server (or local PostgreSQL) with a benchmark section's own database."""
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    return f"{server.rsplit('/', 1)[0]}/{name}"


def recreate_database(url: str) -> None:
    """Drop and create the database ``url`` names, through the server's postgres database."""
    server, name = url.rsplit("/", 1)
    for statement in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
        subprocess.run(
            [shutil.which("psql"), f"{server}/postgres", "-v", "ON_ERROR_STOP=1", "-qc", statement],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def analyze() -> None:
    """Fresh planner statistics after a bulk load, as autovacuum would gather soon after.

    Measured straight after loading, PostgreSQL would still plan with the empty
    tables' statistics (at 1,000 posts the listing's count took 200 ms instead of 3).
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
