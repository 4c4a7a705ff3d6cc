"""Attacks on the verdict itself: nothing the learner's process prints, exits with,
patches or returns passes a test unless it is the right answer.

Each attack ends with a verdict that is not "passed", and the next honest
submission is graded correctly (the autouse fixture)."""

import threading

import pytest

from grading.engine import grade
from grading.limits import Limits
from tests.support.sandbox import requires_bubblewrap

pytestmark = requires_bubblewrap

LIMITS = Limits(cpu_seconds=2, wall_seconds=4, memory_mb=128, max_output_bytes=64 * 1024)
SECRET = "hidden_marker_5e1f"
TESTS = [
    {"name": "doubles one", "code": "assert double(1) == 2", "hidden": False, "weight": 1},
    {"name": "doubles five", "code": "assert double(5) == 10", "hidden": False, "weight": 1},
    {
        "name": "doubles seven",
        "code": f"{SECRET} = 14\nassert double(7) == {SECRET}",
        "hidden": True,
        "weight": 1,
    },
]
HONEST = "def double(n):\n    return n * 2\n"
WRONG = "def double(n):\n    return 0\n"
FORGED_REPORT = (
    '{"status": "ok", "output": "", "tests": ['
    + ", ".join(f'{{"name": "{test["name"]}", "status": "passed"}}' for test in TESTS)
    + "]}"
)
REPLY_FD = "int(__import__('sys').argv[2])"


def _grade(code):
    return grade(code=code, test_cases=TESTS, limits=LIMITS)


@pytest.fixture(autouse=True)
def _next_submission_grades_normally():
    yield
    result = _grade(HONEST)
    assert (result.status, result.score) == ("passed", 100), result


def _refused(code) -> None:
    result = _grade(code)
    assert result.status != "passed", result
    assert result.score < 100


@pytest.mark.parametrize(
    "attack",
    [
        f"print('{FORGED_REPORT}')\n" + WRONG,
        f"import sys\nsys.stderr.write('{FORGED_REPORT}\\n')\n" + WRONG,
        f"import os\nos.write(1, b'{FORGED_REPORT}\\n')\nos._exit(0)\n",
        f"import os\nos.write(2, b'{FORGED_REPORT}\\n')\nos._exit(0)\n",
        # The reply channel, in the protocol's own words: a greeting, then answers.
        f'import os\nos.write({REPLY_FD}, b\'{{"hello": true, "names": {{}}}}\\n\')\nos._exit(0)\n',
        f"import os\nos.write({REPLY_FD}, b'{FORGED_REPORT}\\n')\n" + WRONG,
        "import os\nfd = " + REPLY_FD + "\n"
        'os.write(fd, b\'{"hello": true, "names": {"double": {"$": "ref", "id": 1}}}\\n\')\n'
        "for _ in range(50):\n    os.write(fd, b'{\"value\": 2}\\n')\n" + WRONG,
        # Every other descriptor it might find.
        "import os\nfor fd in range(64):\n    try:\n"
        f"        os.write(fd, b'{FORGED_REPORT}\\n')\n    except OSError:\n        pass\n" + WRONG,
    ],
    ids=[
        "stdout",
        "stderr",
        "fd1-exit",
        "fd2-exit",
        "fake-greeting",
        "reply-fd",
        "fake-replies",
        "all-fds",
    ],
)
def test_forged_protocol_output_on_any_stream_is_not_a_verdict(attack):
    _refused(attack)


@pytest.mark.parametrize(
    "attack",
    [
        "import os\nos._exit(0)\n",
        "import sys\nsys.exit(0)\n",
        "raise SystemExit(0)\n",
        "import os, signal\nos.kill(os.getpid(), signal.SIGTERM)\n",
        "import os, signal\nsignal.signal(signal.SIGTERM, signal.SIG_DFL)\n"
        "os.killpg(0, signal.SIGKILL)\n",
        f"import atexit, os\natexit.register(lambda: os.write(1, b'{FORGED_REPORT}\\n'))\n" + WRONG,
        "def double(n):\n    import os\n    os._exit(0)\n",
        "def double(n):\n    raise SystemExit(0)\n",
        "def double(n):\n    import os, signal\n    os.kill(os.getpid(), signal.SIGKILL)\n",
    ],
    ids=[
        "os._exit", "sys.exit", "SystemExit", "SIGTERM", "killpg", "atexit",
        "exit-in-call", "SystemExit-in-call", "SIGKILL-in-call",
    ],
)  # fmt: skip
def test_an_early_exit_by_any_route_is_not_a_pass(attack):
    _refused(attack)


@pytest.mark.parametrize(
    "attack",
    [
        # Objects that compare equal to anything, or pass for an int.
        "class Yes:\n    def __eq__(self, other):\n        return True\n"
        "    __hash__ = object.__hash__\ndef double(n):\n    return Yes()\n",
        "class Int(int):\n    def __eq__(self, other):\n        return True\n"
        "    __hash__ = int.__hash__\ndef double(n):\n    return Int(0)\n",
        "class Fake:\n    __class__ = int\n    def __eq__(self, other):\n        return True\n"
        "def double(n):\n    return Fake()\n",
        # The harness, the wire format and the interpreter, patched.
        "import sys\nwire = sys.modules.get('wire')\n"
        "if wire:\n    wire.encode = lambda value, ref: 2\n" + WRONG,
        "import builtins\nbuiltins.AssertionError = type('Never', (Exception,), {})\n"
        "builtins.isinstance = lambda *a: True\n" + WRONG,
        "import sys\nfor name, module in list(sys.modules.items()):\n"
        "    if hasattr(module, 'Learner'):\n"
        "        module.Learner.answer = lambda self, request: {'value': 2}\n" + WRONG,
        "import gc\nfor obj in gc.get_objects():\n"
        "    if type(obj).__name__ == 'Learner':\n"
        "        obj.send = lambda message: None\n" + WRONG,
    ],
    ids=[
        "always-equal", "int-subclass", "fake-class", "patched-wire",
        "patched-builtins", "patched-harness", "patched-instance",
    ],
)  # fmt: skip
def test_tampering_or_disguised_values_never_pass(attack):
    _refused(attack)


def test_hidden_tests_and_their_expected_values_never_reach_the_learners_process():
    hunt = (
        "import os\nfound = []\n"
        # Built at run time, so that the submission itself does not hold the marker.
        f"marker = ('{SECRET[:7]}' + '{SECRET[7:]}').encode()\n"
        "def look(path):\n"
        "    if not os.path.isfile(path) and not path.startswith('/proc/'):\n"
        "        return\n"
        "    try:\n"
        "        with open(path, 'rb') as handle:\n"
        "            if marker in handle.read(1 << 20):\n"
        "                found.append(path)\n"
        "    except OSError:\n"
        "        pass\n"
        "for root in ['/input', '/work', '/dev', '/tmp']:\n"
        "    for path, dirs, files in os.walk(root):\n"
        "        for name in files:\n"
        "            look(os.path.join(path, name))\n"
        "for pid in [p for p in os.listdir('/proc') if p.isdigit()]:\n"
        "    for name in ['cmdline', 'environ']:\n"
        "        look(f'/proc/{pid}/{name}')\n"
        "    for fd in os.listdir(f'/proc/{pid}/fd'):\n"
        "        if os.path.isfile(f'/proc/{pid}/fd/{fd}'):\n"
        "            look(f'/proc/{pid}/fd/{fd}')\n"
        "if marker.decode() in repr(os.environ) + repr(__import__('sys').argv):\n"
        "    found.append('environment')\n"
        "print('found', found)\n" + HONEST
    )

    result = _grade(hunt)

    assert result.status == "passed"
    assert result.output.startswith("found []"), result.output
    shown = [test.as_learner_sees_it() for test in result.tests]
    assert SECRET not in repr(shown) + result.output


def test_a_hidden_call_cannot_surface_in_a_visible_tests_output():
    spy = (
        "seen = []\ndef double(n):\n    seen.append(n)\n"
        "    print('seen so far', seen)\n    return n * 2\n"
    )

    result = _grade(spy)

    visible = [test.output for test in result.tests if not test.hidden]
    assert "7" not in "".join(visible)
    assert result.tests[2].as_learner_sees_it().keys() == {"name", "status", "hidden", "weight"}


@pytest.mark.parametrize(
    "attack",
    [
        "open('/work/big', 'wb').write(b'x' * 64 * 1024 * 1024)\n",
        "open('/dev/shm/big', 'wb').write(b'x' * 16 * 1024 * 1024)\n",
        "open('/dev/big', 'wb').write(b'x' * 1024)\n",
        "open('/tmp/big', 'wb').write(b'x' * 1024)\n",
    ],
    ids=["workdir", "shm", "dev", "tmp"],
)
def test_writes_beyond_the_runs_limits_fail(attack):
    guarded = (
        f"try:\n    {attack.strip()}\n    raise SystemExit('wrote it')\nexcept OSError:\n    pass\n"
    )

    result = _grade(guarded + HONEST)

    assert result.status == "passed", result


def test_processes_held_by_one_run_cannot_fail_another_learners_run():
    hog = (
        "import os, time\n"
        "for _ in range(64):\n"
        "    try:\n"
        "        if os.fork() == 0:\n"
        "            os.setsid()\n"
        "            time.sleep(30)\n"
        "            os._exit(0)\n"
        "    except OSError:\n"
        "        break\n"
        "time.sleep(30)\n"
    )
    outcome = {}
    attacker = threading.Thread(target=lambda: outcome.setdefault("hog", _grade(hog)))
    attacker.start()
    try:
        honest = [_grade(HONEST) for _ in range(3)]
    finally:
        attacker.join()

    assert [(result.status, result.score) for result in honest] == [("passed", 100)] * 3
    assert outcome["hog"].status == "timeout"
