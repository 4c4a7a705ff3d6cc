"""Run a program on untrusted input in a fresh, isolated, resource-limited process.

With bubblewrap (the default when it works here) the process gets new user, PID,
network, IPC, UTS and cgroup namespaces, so it sees no network at all, not even
loopback; a read-only view of /usr, /bin and /lib for the interpreter, a
read-only input directory and a size-capped tmpfs as its working directory, and
nothing else: not the project, not /etc, not /home. It runs as an unprivileged
uid with an empty environment and no capabilities. rlimits cap CPU time, address
space, processes, file size and open files; the parent enforces the wall clock
and the output size, and on either kills the sandbox's whole process tree.

Without bubblewrap the same rlimits, scrubbed environment, private working
directory and process-group kill apply, but nothing else: production refuses to
grade that way unless GRADING_ALLOW_UNISOLATED is set.
"""

import contextlib
import functools
import logging
import os
import resource
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from grading.limits import Limits

logger = logging.getLogger(__name__)

BUBBLEWRAP = "bubblewrap"
UNISOLATED = "none"
SANDBOX_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
_READ_ONLY_SYSTEM_DIRS = ("/usr", "/bin", "/lib", "/lib64", "/lib32", "/libx32")
_INPUT_DIR = "/input"
_WORK_DIR = "/work"


class SandboxUnavailable(ImproperlyConfigured):
    pass


@dataclass(frozen=True)
class SandboxResult:
    exit_code: int | None
    signal_name: str | None
    stdout: str
    stderr: str
    timed_out: bool
    output_exceeded: bool
    duration_ms: int


def sandbox_python() -> str:
    """An interpreter the sandbox user can read: the system one under /usr first."""
    configured = settings.GRADING_PYTHON
    candidates = [configured] if configured else ["/usr/bin/python3", "/usr/local/bin/python3"]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return str(Path(candidate).resolve())
    raise SandboxUnavailable("No Python interpreter for the sandbox; set GRADING_PYTHON.")


def _bubblewrap_argv(input_dir: str, limits: Limits, argv: list[str]) -> list[str]:
    command = [
        shutil.which("bwrap") or "bwrap",
        "--unshare-all",
        "--unshare-user",
        "--die-with-parent",
        "--new-session",
        # The program is the namespace's init: no bubblewrap init process to
        # start, and nothing inside can signal it without a handler it installed.
        "--as-pid-1",
        "--cap-drop", "ALL",
        "--uid", "65534",
        "--gid", "65534",
        "--clearenv",
    ]  # fmt: skip
    for name, value in SANDBOX_ENV.items():
        command += ["--setenv", name, value]
    for directory in _READ_ONLY_SYSTEM_DIRS:
        if os.path.exists(directory):
            command += ["--ro-bind", directory, directory]
    command += [
        "--proc", "/proc",
        "--dev", "/dev",
        "--ro-bind", input_dir, _INPUT_DIR,
        "--size", str(limits.workdir_bytes), "--tmpfs", _WORK_DIR,
        "--chdir", _WORK_DIR,
        "--remount-ro", "/",
        "--disable-userns",
        "--",
    ]  # fmt: skip
    return command + argv


def _reaped(input_dir: str, command: list[str]) -> list[str]:
    reaper = os.path.join(input_dir, ".reaper.py")
    with open(reaper, "w", encoding="utf-8") as handle:
        handle.write(REAPER_SOURCE)
    os.chmod(reaper, 0o644)
    return [sandbox_python(), "-I", "-S", reaper, *command]


def _limit_resources(limits: Limits, drop_to_uid: int | None) -> None:
    """Runs in the child between fork and exec."""
    memory = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_NPROC, (limits.max_processes, limits.max_processes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.max_file_bytes, limits.max_file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.max_open_files, limits.max_open_files))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if drop_to_uid is not None:
        # Root is exempt from RLIMIT_NPROC, so a root worker hands the run to a
        # uid that owns nothing.
        os.setgroups([])
        os.setgid(drop_to_uid)
        os.setuid(drop_to_uid)


def _drop_uid() -> int | None:
    return settings.GRADING_SANDBOX_UID if os.geteuid() == 0 else None


class _CappedReader(threading.Thread):
    def __init__(self, stream, limit: int, on_overflow):
        super().__init__(daemon=True)
        self.stream, self.limit, self.on_overflow = stream, limit, on_overflow
        self.chunks: list[bytes] = []
        self.size = 0
        self.exceeded = False

    def run(self):
        while chunk := self.stream.read(65536):
            if self.size + len(chunk) > self.limit:
                self.exceeded = True
                self.on_overflow()
                break
            self.chunks.append(chunk)
            self.size += len(chunk)
        self.stream.close()

    def text(self) -> str:
        return b"".join(self.chunks).decode("utf-8", errors="replace")


def _kill_tree(process: subprocess.Popen, *, bubblewrapped: bool) -> None:
    """Stop the run. Under bubblewrap the reaper kills bubblewrap, whose
    --die-with-parent takes down the whole PID namespace, then reaps; otherwise
    the program's own process group is killed."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if bubblewrapped:
            process.send_signal(signal.SIGTERM)
        else:
            os.killpg(process.pid, signal.SIGKILL)


REAPER_SOURCE = (Path(__file__).parent / "reaper.py").read_text(encoding="utf-8")


def _prepare_input(files: dict[str, str]) -> str:
    directory = tempfile.mkdtemp(prefix="grading-")
    os.chmod(directory, 0o755)  # noqa: S103 - the unprivileged sandbox uid must read it
    for name, content in files.items():
        path = os.path.join(directory, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.chmod(path, 0o644)
    return directory


def run(*, files: dict[str, str], argv: list[str], limits: Limits) -> SandboxResult:
    """Run ``argv`` (paths inside the sandbox) with ``files`` readable in ``/input``."""
    return _execute(active_isolation(), files=files, argv=argv, limits=limits)


def _execute(isolation: str, *, files: dict[str, str], argv: list[str], limits: Limits):
    input_dir = _prepare_input(files)
    if isolation == BUBBLEWRAP:
        command, cwd = _reaped(input_dir, _bubblewrap_argv(input_dir, limits, argv)), None
    else:
        command = [part.replace(_INPUT_DIR, input_dir) for part in argv]
        cwd = tempfile.mkdtemp(prefix="grading-work-")
        os.chmod(cwd, 0o777)  # noqa: S103 - private to this run, removed afterwards
    started = time.monotonic()
    try:
        process = subprocess.Popen(  # noqa: S603 - the argv is ours, the code is data
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=dict(SANDBOX_ENV),
            start_new_session=True,
            preexec_fn=functools.partial(_limit_resources, limits, _drop_uid()),
        )
        return _supervise(process, limits, started, bubblewrapped=isolation == BUBBLEWRAP)
    finally:
        shutil.rmtree(input_dir, ignore_errors=True)
        if cwd:
            shutil.rmtree(cwd, ignore_errors=True)


def _signal_number(code: int | None, bubblewrapped: bool) -> int | None:
    """The signal that ended the program: bubblewrap reports it as 128 + signal."""
    if code is None:
        return None
    if code < 0:
        return -code
    if bubblewrapped and 128 < code < 128 + signal.NSIG:
        return code - 128
    return None


def _supervise(
    process: subprocess.Popen, limits: Limits, started: float, *, bubblewrapped: bool
) -> SandboxResult:
    kill = functools.partial(_kill_tree, process, bubblewrapped=bubblewrapped)
    stdout = _CappedReader(process.stdout, limits.max_output_bytes, kill)
    stderr = _CappedReader(process.stderr, limits.max_output_bytes, kill)
    stdout.start()
    stderr.start()
    timed_out = False
    try:
        process.wait(timeout=limits.wall_seconds)
    except subprocess.TimeoutExpired:
        timed_out = True
        kill()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    if not bubblewrapped:
        kill()  # anything the program left running in its group
    stdout.join(timeout=5)
    stderr.join(timeout=5)
    code = process.returncode
    signal_number = _signal_number(code, bubblewrapped)
    return SandboxResult(
        exit_code=None if signal_number else code,
        signal_name=signal.Signals(signal_number).name if signal_number else None,
        stdout=stdout.text(),
        stderr=stderr.text(),
        timed_out=timed_out,
        output_exceeded=stdout.exceeded or stderr.exceeded,
        duration_ms=round((time.monotonic() - started) * 1000),
    )


@functools.cache
def _bubblewrap_works() -> bool:
    if not shutil.which("bwrap"):
        return False
    try:
        result = _execute(
            BUBBLEWRAP,
            files={"probe.py": "print('ok')\n"},
            argv=[sandbox_python(), "-I", "-S", "/input/probe.py"],
            limits=Limits(),
        )
    except (OSError, subprocess.SubprocessError, SandboxUnavailable):
        return False
    return result.exit_code == 0 and result.stdout.strip() == "ok"


def active_isolation() -> str:
    """The isolation grading uses here, or SandboxUnavailable when none is allowed."""
    wanted = settings.GRADING_ISOLATION
    if wanted in ("auto", BUBBLEWRAP) and _bubblewrap_works():
        return BUBBLEWRAP
    if wanted == BUBBLEWRAP:
        raise SandboxUnavailable("GRADING_ISOLATION=bubblewrap, but bubblewrap does not work here.")
    if not settings.GRADING_ALLOW_UNISOLATED:
        raise SandboxUnavailable(
            "Refusing to grade without isolation: install bubblewrap, or set "
            "GRADING_ALLOW_UNISOLATED=true for a trusted development machine."
        )
    return UNISOLATED
