from dataclasses import dataclass

from django.conf import settings

# What the sandbox's own processes (bubblewrap, the interpreter's
# start-up) need in a run's cgroup beyond the learner's budget.
_CGROUP_OVERHEAD_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Resource limits of one sandboxed run."""

    cpu_seconds: int = 5
    wall_seconds: float = 10.0
    memory_mb: int = 128
    max_processes: int = 16
    max_file_bytes: int = 1024 * 1024
    max_open_files: int = 64
    max_output_bytes: int = 256 * 1024
    workdir_bytes: int = 8 * 1024 * 1024
    shm_bytes: int = 1024 * 1024

    @property
    def cgroup_memory_bytes(self) -> int:
        """Everything the run may hold at once: its memory and every byte it may write."""
        return (
            self.memory_mb * 1024 * 1024
            + self.workdir_bytes
            + self.shm_bytes
            + _CGROUP_OVERHEAD_BYTES
        )

    @classmethod
    def for_exercise(cls, exercise) -> "Limits":
        """The exercise's own limits, held under the global ceilings."""
        cpu = min(exercise.time_limit_seconds, settings.GRADING_MAX_CPU_SECONDS)
        memory = min(exercise.memory_limit_mb, settings.GRADING_MAX_MEMORY_MB)
        return cls(cpu_seconds=cpu, wall_seconds=cpu * 2 + 2, memory_mb=memory)
