"""Each attack is contained and reported, and the next submission grades normally."""

import os

import pytest

from grading.engine import grade
from grading.limits import Limits
from tests.support.sandbox import requires_bubblewrap

pytestmark = requires_bubblewrap

LIMITS = Limits(cpu_seconds=2, wall_seconds=4, memory_mb=128, max_output_bytes=64 * 1024)
CHECK = [{"name": "answer", "code": "assert answer() == 42", "hidden": False, "weight": 1}]
HONEST = "def answer():\n    return 42\n"


def _contained(attack: str) -> bool:
    """Run an attack in the learner's process that raises if it succeeds; True if it was
    contained (the honest code after it then passes)."""
    return _grade(attack + "\n" + HONEST).status == "passed"


def _grade(code, tests=CHECK):
    return grade(code=code, test_cases=tests, limits=LIMITS)


@pytest.fixture(autouse=True)
def _next_submission_grades_normally():
    yield
    result = _grade(HONEST)
    assert (result.status, result.score) == ("passed", 100), result


def test_an_infinite_loop_times_out():
    assert _grade("while True:\n    pass\n").status == "timeout"


def test_a_fork_bomb_is_stopped():
    code = (
        "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"
    )

    assert _grade(code).status in {"timeout", "error"}


def test_a_memory_bomb_is_reported_as_memory():
    assert _grade("hog = 'x' * (2 * 1024 ** 3)\n").status == "memory"


def test_a_flood_of_output_is_cut_off():
    code = "import os\nwhile True:\n    os.write(1, b'x' * 65536)\n"

    result = _grade(code)

    assert result.status == "error"
    assert "output" in result.message


def test_writing_outside_the_working_directory_fails():
    attack = (
        "import os\n"
        "for path in ['/usr/evil', '/input/evil', '/evil', '/proc/evil']:\n"
        "    try:\n"
        "        open(path, 'w').write('x')\n"
        "        raise AssertionError('wrote ' + path)\n"
        "    except OSError:\n"
        "        pass\n"
        "open('scratch.txt', 'w').write('allowed')\n"
    )

    assert _contained(attack)


def test_the_project_settings_environment_and_dotenv_are_invisible():
    attack = (
        "import os\n"
        "assert not any(key in os.environ for key in "
        "['SECRET_KEY', 'DATABASE_URL', 'REDIS_URL', 'OPENAI_API_KEY'])\n"
        "assert set(os.environ) <= {'LANG', 'PATH', 'PWD', 'PYTHONDONTWRITEBYTECODE'}\n"
        "for path in ['/work/main/backend/.env', '/work/main/backend/config/settings/base.py',"
        " '/etc/passwd', '/root', '/home']:\n"
        "    assert not os.path.exists(path), path\n"
    )

    assert _contained(attack)


def test_no_socket_reaches_our_services_or_the_outside():
    attack = (
        "import socket\n"
        "for host, port in [('127.0.0.1', 5432), ('127.0.0.1', 6379), ('127.0.0.1', 8000),"
        " ('1.1.1.1', 80), ('::1', 5432)]:\n"
        "    family = socket.AF_INET6 if ':' in host else socket.AF_INET\n"
        "    sock = socket.socket(family)\n"
        "    sock.settimeout(1)\n"
        "    try:\n"
        "        sock.connect((host, port))\n"
        "        raise AssertionError(f'connected to {host}:{port}')\n"
        "    except OSError:\n"
        "        pass\n"
    )

    assert _contained(attack)


def test_a_ctypes_segfault_is_reported_as_a_crash():
    result = _grade("import ctypes\nctypes.string_at(0)\n")

    assert result.status == "error"
    assert "SIGSEGV" in result.message


def test_killing_the_parent_only_ends_this_submission():
    result = _grade("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n" + HONEST)

    assert result.status in {"error", "failed", "passed"}


def test_the_projects_django_settings_cannot_be_imported():
    attack = (
        "try:\n"
        "    import config.settings.base\n"
        "    raise AssertionError('imported the settings')\n"
        "except ImportError:\n"
        "    pass\n"
        "try:\n"
        "    import django\n"
        "    raise AssertionError('django is importable')\n"
        "except ImportError:\n"
        "    pass\n"
    )

    assert _contained(attack)


def test_sleeping_past_the_wall_clock_times_out():
    result = _grade("import time\ntime.sleep(60)\n")

    assert result.status == "timeout"
    assert result.duration_ms < 10_000


def _zombie_children() -> list[int]:
    zombies = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z" and int(fields[1]) == os.getpid():
            zombies.append(int(entry))
    return zombies


def test_a_killed_run_leaves_no_process_behind_not_even_a_zombie():
    forks = (
        "import os, time\n"
        "for _ in range(5):\n"
        "    if os.fork() == 0:\n"
        "        time.sleep(60)\n"
        "time.sleep(60)\n"
    )

    before = set(_zombie_children())

    assert _grade(forks).status == "timeout"
    assert set(_zombie_children()) - before == set()


def test_symlinks_cannot_reach_outside_the_sandbox():
    attack = (
        "import os\n"
        "os.symlink('/work/main/backend/config/settings/base.py', 'settings')\n"
        "os.symlink('/etc/shadow', 'shadow')\n"
        "for link in ['settings', 'shadow']:\n"
        "    try:\n"
        "        open(link).read()\n"
        "        raise AssertionError('read through ' + link)\n"
        "    except OSError:\n"
        "        pass\n"
    )

    assert _contained(attack)
