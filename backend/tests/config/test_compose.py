"""Every service of docker-compose.yml runs a command its image has.

No Docker engine runs here, so the images are read from their Dockerfiles: the
backend image is this directory (Python, with manage.py and our requirements) and
the frontend image runs Next's server.
"""

import json
import shlex
from pathlib import Path

import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[3]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
BACKEND_SERVICES = {
    name: service
    for name, service in COMPOSE["services"].items()
    if service.get("build") == "./backend"
}


def _dockerfile_cmd(directory: str) -> list[str]:
    for line in reversed((ROOT / directory / "Dockerfile").read_text().splitlines()):
        if line.startswith("CMD "):
            return yaml.safe_load(line.removeprefix("CMD "))
    raise AssertionError(f"{directory}/Dockerfile has no CMD")


def _command(service: dict) -> list[str]:
    command = service.get("command") or _dockerfile_cmd(service["build"])
    return shlex.split(command) if isinstance(command, str) else command


def test_every_backend_service_runs_a_management_command_or_server_that_exists():
    commands = get_commands()
    requirements = (ROOT / "backend/requirements/base.txt").read_text()
    checked = set()
    for name, service in BACKEND_SERVICES.items():
        argv = _command(service)
        if argv[:2] == ["python", "manage.py"]:
            assert argv[2] in commands, f"{name}: manage.py has no command {argv[2]!r}"
        else:
            assert f"\n{argv[0]}==" in requirements, f"{name}: {argv[0]} is not installed"
        checked.add(name)

    assert {"backend", "worker", "migrate", "scheduler"} <= checked


def test_the_frontend_service_runs_next_which_its_image_installs():
    argv = _command(COMPOSE["services"]["frontend"])
    package = json.loads((ROOT / "frontend/package.json").read_text())
    programs = {
        word.removeprefix("node_modules/.bin/")
        for word in shlex.split(" ".join(argv))
        if word.startswith("node_modules/.bin/")
    }

    assert programs == {"next"}
    assert "next" in package["dependencies"]


def test_scheduled_publishing_runs_somewhere():
    scheduler = _command(COMPOSE["services"]["scheduler"])

    assert scheduler[:3] == ["python", "manage.py", "scheduler"]
    assert "manage.py scheduler" in (ROOT / "Makefile").read_text()


def test_clients_reach_the_stack_only_through_the_proxy_that_records_their_address():
    # TRUSTED_PROXY_COUNT=1 is only true if nothing else is reachable from outside.
    published = {name for name, service in COMPOSE["services"].items() if service.get("ports")}
    nginx = (ROOT / "deploy/nginx/codecampus.conf").read_text()
    backend_env = COMPOSE["services"]["backend"]["environment"]

    assert published == {"proxy"}
    assert backend_env["TRUSTED_PROXY_COUNT"] == "${TRUSTED_PROXY_COUNT:-1}"
    # Replaced at the edge, never appended to what a client sent.
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "$proxy_add_x_forwarded_for" not in nginx
