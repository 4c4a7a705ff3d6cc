"""Run a program on untrusted input in a fresh, isolated, resource-limited process.

With bubblewrap (the default when it works here) the process gets new user, PID,
network, IPC, UTS and cgroup namespaces, so it sees no network at all, not even
loopback; a read-only view of /usr, /bin and /lib for the interpreter, a
read-only input directory and a size-capped tmpfs as its working directory, and
nothing else: not the project, not /etc, not /home. /dev is read-only with only
the usual character devices, and /dev/shm a small capped tmpfs. It runs with an
empty environment and no capabilities, as a uid of its own leased from a pool
(isolation.py), inside a cgroup of its own that caps its memory (tmpfs pages
included) and processes where the kernel lets us create one. rlimits cap CPU
time, address space, processes, file size and open files; the parent enforces
the wall clock and the output size, and on either kills the whole process tree.

Without bubblewrap the same rlimits, scrubbed environment, private working
directory and process-group kill apply, but nothing else: nothing is graded that
way unless GRADING_ALLOW_UNISOLATED is set, in any environment.
"""

import contextlib
import ctypes
import errno
import functools
import logging
import os
import resource
import select
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

from grading import isolation
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


class LaunchFailedError(RuntimeError):
    """The host could not start a run (no process slot, no memory): never the learner's fault."""


@dataclass(frozen=True)
class SandboxResult:
    exit_code: int | None
    signal_name: str | None
    out_of_memory: bool
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
        "--size", str(limits.shm_bytes), "--tmpfs", "/dev/shm",  # noqa: S108 - the run's own
        "--remount-ro", "/dev",
        "--ro-bind", input_dir, _INPUT_DIR,
        "--size", str(limits.workdir_bytes), "--tmpfs", _WORK_DIR,
        "--chdir", _WORK_DIR,
        "--remount-ro", "/",
        "--disable-userns",
        "--",
    ]  # fmt: skip
    return command + argv


_PR_SET_CHILD_SUBREAPER = 36


@functools.cache
def _become_subreaper() -> None:
    """Make this worker the reaper of every process its sandboxes leave behind.

    When a run is killed, bubblewrap's inner process (the sandbox's PID 1) loses its
    parent and would go to the host's init, which in a container may never reap it;
    it would stay a zombie, counting against the run's uid. As a child subreaper this
    process inherits it instead, and Running.finish() reaps it."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        logger.warning("grading.no_subreaper", extra={"errno": ctypes.get_errno()})


# The pids of started sandboxes that their own Popen will reap; anything else that
# becomes this process's zombie was left to it as the subreaper.
_spawning = threading.Lock()
_started: set[int] = set()


def _spawn(command: list[str], **options) -> subprocess.Popen:
    with _spawning:
        process = subprocess.Popen(command, **options)  # noqa: S603 - the argv is ours
        _started.add(process.pid)
        return process


def _forget(process: subprocess.Popen) -> None:
    with _spawning:
        _started.discard(process.pid)


def _reap_strays() -> None:
    """Reap zombies this subreaper inherited (never a started sandbox's own process)."""
    with _spawning:
        for pid in _own_children() - _started:
            if _is_zombie(pid):
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, os.WNOHANG)


def _own_children() -> set[int]:
    children: set[int] = set()
    with contextlib.suppress(OSError):
        for task in os.listdir("/proc/self/task"):
            children |= _children_of(os.getpid(), task=int(task))
    return children


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _children_of(pid: int, *, task: int | None = None) -> set[int]:
    try:
        with open(f"/proc/{pid}/task/{task or pid}/children", encoding="ascii") as handle:
            return {int(child) for child in handle.read().split()}
    except OSError:
        return set()


def _limit_resources(limits: Limits, uid: int | None, cgroup) -> None:
    """Runs in the child between fork and exec."""
    if cgroup is not None:
        cgroup.join()
    memory = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_NPROC, (limits.max_processes, limits.max_processes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.max_file_bytes, limits.max_file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.max_open_files, limits.max_open_files))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if uid is not None:
        # Root is exempt from RLIMIT_NPROC, so a root worker hands the run to a
        # uid of its own that owns nothing else.
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)


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


def _kill_tree(process: subprocess.Popen, *, bubblewrapped: bool) -> set[int]:
    """Stop the run; returns the processes left for this worker to reap. Under
    bubblewrap, killing bubblewrap takes down the sandbox's PID namespace (its inner
    process has --die-with-parent, and the namespace dies with its PID 1); otherwise
    the program's own process group is killed."""
    orphans = _children_of(process.pid) if bubblewrapped else set()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if bubblewrapped:
            process.send_signal(signal.SIGKILL)
        else:
            os.killpg(process.pid, signal.SIGKILL)
    return orphans


def _prepare_input(files: dict[str, str], uid: int | None) -> str:
    """The run's input files, readable by the run's own uid only when it has one: no
    other run (the learner's, beside an evaluator holding hidden tests) can read them."""
    directory = tempfile.mkdtemp(prefix="grading-")
    for name, content in files.items():
        path = os.path.join(directory, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content)
        if uid is not None:
            os.chown(path, uid, uid)
        os.chmod(path, 0o400 if uid is not None else 0o444)
    if uid is not None:
        os.chown(directory, uid, uid)
        os.chmod(directory, 0o500)
    else:
        os.chmod(directory, 0o755)  # noqa: S103 - without a uid of its own, the run is us
    return directory


def run(*, files: dict[str, str], argv: list[str], limits: Limits) -> SandboxResult:
    """Run ``argv`` (paths inside the sandbox) with ``files`` readable in ``/input``."""
    with isolation.leased_uid() as uid:
        running = start(files=files, argv=argv, limits=limits, uid=uid)
        return running.finish(running.wait(limits.wall_seconds))


_LAUNCH_ATTEMPTS = 3


def start(
    *,
    files: dict[str, str],
    argv: list[str],
    limits: Limits,
    uid: int | None,
    stdin: int | None = None,
    pass_fds: tuple[int, ...] = (),
    isolation_kind: str | None = None,
) -> "Running":
    """Start ``argv`` in a fresh sandbox and return at once. ``stdin`` is a file
    descriptor for its standard input and ``pass_fds`` stay open in it under the
    same numbers. A failure to launch is retried, then raised as LaunchFailedError."""
    kind = isolation_kind or active_isolation()
    if kind == BUBBLEWRAP:
        _become_subreaper()
    input_dir = _prepare_input(files, uid)
    cgroup = isolation.create_cgroup(
        memory_bytes=limits.cgroup_memory_bytes, max_processes=limits.max_processes
    )
    if kind == BUBBLEWRAP:
        command, cwd = _bubblewrap_argv(input_dir, limits, argv), None
    else:
        command = [part.replace(_INPUT_DIR, input_dir) for part in argv]
        cwd = tempfile.mkdtemp(prefix="grading-work-")
        os.chmod(cwd, 0o777)  # noqa: S103 - private to this run, removed afterwards
    scratch = [input_dir, cwd] if cwd else [input_dir]
    for attempt in range(_LAUNCH_ATTEMPTS):
        try:
            process = _spawn(
                command,
                stdin=stdin if stdin is not None else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=cwd,
                env=dict(SANDBOX_ENV),
                start_new_session=True,
                pass_fds=pass_fds,
                preexec_fn=functools.partial(_limit_resources, limits, uid, cgroup),
            )
            bubblewrapped = kind == BUBBLEWRAP
            return Running(
                process, limits, bubblewrapped=bubblewrapped, scratch=scratch, cgroup=cgroup
            )
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ENOMEM) or attempt == _LAUNCH_ATTEMPTS - 1:
                _clean_up(scratch, cgroup)
                reason = errno.errorcode.get(exc.errno, "unknown")
                raise LaunchFailedError(f"could not start a sandbox ({reason})") from exc
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _ended_within(process: subprocess.Popen, timeout: float) -> bool:
    """Whether ``process`` ends within ``timeout``, told by the kernel the moment it does
    (a pidfd), where Popen.wait(timeout) would poll with sleeps of up to 50 ms."""
    try:
        descriptor = os.pidfd_open(process.pid)
    except (AttributeError, OSError):
        try:
            process.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            return False
    try:
        ready, _, _ = select.select([descriptor], [], [], timeout)
        return bool(ready)
    finally:
        os.close(descriptor)


def _clean_up(scratch: list[str], cgroup) -> None:
    for directory in scratch:
        shutil.rmtree(directory, ignore_errors=True)
    if cgroup is not None:
        cgroup.remove()


class Running:
    """A started sandbox: its output is read as it comes, capped; the tree is killed on overflow."""

    def __init__(self, process, limits: Limits, *, bubblewrapped: bool, scratch, cgroup):
        self.process, self.limits, self.bubblewrapped = process, limits, bubblewrapped
        self.scratch, self.cgroup = scratch, cgroup
        self.orphans: set[int] = set()
        self.started = time.monotonic()
        self.stdout = _CappedReader(process.stdout, limits.max_output_bytes, self.kill)
        self.stderr = _CappedReader(process.stderr, limits.max_output_bytes, self.kill)
        self.stdout.start()
        self.stderr.start()

    def kill(self) -> None:
        self.orphans |= _kill_tree(self.process, bubblewrapped=self.bubblewrapped)

    def wait(self, timeout: float) -> bool:
        """Wait for the program to end; False (and the tree killed) if ``timeout`` passed first."""
        if _ended_within(self.process, max(timeout, 0)):
            self.process.wait()
            return True
        self.kill()
        return False

    def finish(self, ended_in_time: bool) -> SandboxResult:
        """Reap the tree, collect the output and remove everything the run left."""
        try:
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            if not self.bubblewrapped:
                self.kill()  # anything the program left running in its group
            _forget(self.process)
            for orphan in self.orphans:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(orphan, 0)
            _reap_strays()
            self.stdout.join(timeout=5)
            self.stderr.join(timeout=5)
            code = self.process.returncode
            signal_number = _signal_number(code, self.bubblewrapped)
            return SandboxResult(
                exit_code=None if signal_number else code,
                signal_name=signal.Signals(signal_number).name if signal_number else None,
                out_of_memory=bool(self.cgroup and self.cgroup.ran_out_of_memory()),
                stdout=self.stdout.text(),
                stderr=self.stderr.text(),
                timed_out=not ended_in_time,
                output_exceeded=self.stdout.exceeded or self.stderr.exceeded,
                duration_ms=round((time.monotonic() - self.started) * 1000),
            )
        finally:
            _clean_up(self.scratch, self.cgroup)


def _signal_number(code: int | None, bubblewrapped: bool) -> int | None:
    """The signal that ended the program: bubblewrap reports it as 128 + signal."""
    if code is None:
        return None
    if code < 0:
        return -code
    if bubblewrapped and 128 < code < 128 + signal.NSIG:
        return code - 128
    return None


@functools.cache
def _bubblewrap_works() -> bool:
    if not shutil.which("bwrap"):
        return False
    try:
        with isolation.leased_uid() as uid:
            running = start(
                files={"probe.py": "print('ok')\n"},
                argv=[sandbox_python(), "-I", "-S", "/input/probe.py"],
                limits=Limits(),
                uid=uid,
                isolation_kind=BUBBLEWRAP,
            )
            result = running.finish(running.wait(10))
    except (OSError, subprocess.SubprocessError, SandboxUnavailable, LaunchFailedError):
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
