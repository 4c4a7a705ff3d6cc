"""Per-run isolation on the host: a uid of its own and a cgroup of its own.

A uid from a pool: RLIMIT_NPROC counts processes per uid, so runs that shared one
uid could fill each other's process slots and make an honest run fail to start.
Each run leases its own uid (an exclusive lock file per uid, so that every worker
process on the host agrees) and returns it when done. Without root, uids cannot
be changed; runs then share the worker's uid and its limits (logged once).

A cgroup of its own caps the run's memory (what its processes allocate and what
they write to its tmpfs mounts, /work and /dev/shm) and its number of processes,
whatever its uid. cgroup v2 and v1 (memory and pids controllers) are supported;
where neither can be created (no root, or a read-only /sys/fs/cgroup) the run has
only its rlimits, and that weaker guarantee is logged once.
"""

import contextlib
import fcntl
import functools
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

CGROUP_ROOT = Path("/sys/fs/cgroup")
GROUP = "codecampus-grading"
_LOCK_DIR = Path("/run/lock") if Path("/run/lock").is_dir() else Path("/tmp")  # noqa: S108


class NoFreeUidError(RuntimeError):
    """Every uid of the pool is in use: an infrastructure fault, retried, never the learner's."""


@contextlib.contextmanager
def leased_uid():
    """A uid that no other run on this host holds until the block ends; None without root."""
    if os.geteuid() != 0:
        _warn_once("grading.shared_uid", "not root: every run shares the worker's uid")
        yield None
        return
    first, size = settings.GRADING_UID_POOL_START, settings.GRADING_UID_POOL_SIZE
    for uid in range(first, first + size):
        handle = open(_LOCK_DIR / f"codecampus-grading-uid-{uid}.lock", "a+")  # noqa: SIM115
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        try:
            yield uid
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()
        return
    raise NoFreeUidError(f"all {size} grading uids are in use")


@dataclass(frozen=True)
class Cgroup:
    """The directories of one run's cgroup (one for v2, one per controller for v1)."""

    directories: tuple[Path, ...]
    memory_events: Path | None

    def join(self) -> None:
        """Move the calling process into the cgroup (in the child, before exec)."""
        pid = str(os.getpid())
        for directory in self.directories:
            (directory / "cgroup.procs").write_text(pid)

    def ran_out_of_memory(self) -> bool:
        if self.memory_events is None:
            return False
        with contextlib.suppress(OSError, ValueError):
            text = self.memory_events.read_text()
            if self.memory_events.name == "memory.failcnt":
                return int(text.strip() or 0) > 0
            counts = dict(line.split() for line in text.splitlines() if line.strip())
            return int(counts.get("oom_kill", 0)) > 0 or int(counts.get("max", 0)) > 0
        return False

    def remove(self) -> None:
        for directory in self.directories:
            with contextlib.suppress(OSError):
                directory.rmdir()


@functools.cache
def cgroup_version() -> int | None:
    """2 or 1 where this process may create cgroups, else None."""
    if os.geteuid() != 0 or not settings.GRADING_CGROUPS:
        return None
    if (CGROUP_ROOT / "cgroup.controllers").exists():
        return 2 if _can_create(CGROUP_ROOT) else None
    if (CGROUP_ROOT / "memory").is_dir() and (CGROUP_ROOT / "pids").is_dir():
        both = _can_create(CGROUP_ROOT / "memory") and _can_create(CGROUP_ROOT / "pids")
        return 1 if both else None
    return None


def _can_create(root: Path) -> bool:
    probe = root / GROUP / f"probe-{uuid.uuid4().hex}"
    try:
        probe.mkdir(parents=True)
        probe.rmdir()
        return True
    except OSError:
        return False


def create_cgroup(*, memory_bytes: int, max_processes: int) -> Cgroup | None:
    """A fresh cgroup with these limits, or None where cgroups are not available."""
    version = cgroup_version()
    if version is None:
        _warn_once("grading.no_cgroup", "no per-run cgroup here: rlimits only")
        return None
    name = f"run-{uuid.uuid4().hex}"
    try:
        if version == 2:
            return _create_v2(name, memory_bytes, max_processes)
        return _create_v1(name, memory_bytes, max_processes)
    except OSError:
        logger.exception("grading.cgroup_failed")
        return None


def _create_v2(name: str, memory_bytes: int, max_processes: int) -> Cgroup:
    parent = CGROUP_ROOT / GROUP
    with contextlib.suppress(OSError):
        (parent / "cgroup.subtree_control").write_text("+memory +pids")
    directory = parent / name
    directory.mkdir()
    (directory / "memory.max").write_text(str(memory_bytes))
    with contextlib.suppress(OSError):
        (directory / "memory.swap.max").write_text("0")
    (directory / "pids.max").write_text(str(max_processes))
    return Cgroup((directory,), directory / "memory.events")


def _create_v1(name: str, memory_bytes: int, max_processes: int) -> Cgroup:
    memory = CGROUP_ROOT / "memory" / GROUP / name
    pids = CGROUP_ROOT / "pids" / GROUP / name
    memory.mkdir(parents=True)
    pids.mkdir(parents=True)
    (memory / "memory.limit_in_bytes").write_text(str(memory_bytes))
    with contextlib.suppress(OSError):
        (memory / "memory.memsw.limit_in_bytes").write_text(str(memory_bytes))
    (pids / "pids.max").write_text(str(max_processes))
    return Cgroup((memory, pids), memory / "memory.failcnt")


@functools.cache
def _warn_once(event: str, detail: str) -> None:
    logger.warning(event, extra={"detail": detail})
