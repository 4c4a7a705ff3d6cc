import os

from django.core.management.base import BaseCommand

from grading.isolation import cgroup_version
from grading.sandbox import BUBBLEWRAP, SandboxUnavailable, active_isolation, sandbox_python


class Command(BaseCommand):
    help = "Say which isolation grading uses on this machine."

    def handle(self, *args, **options):
        try:
            isolation = active_isolation()
        except SandboxUnavailable as exc:
            self.stdout.write(self.style.ERROR(f"Grading: unavailable. {exc}"))
            return
        if isolation == BUBBLEWRAP:
            version = cgroup_version()
            cgroups = f"a cgroup v{version} per run" if version else "rlimits only (no cgroups)"
            uids = "a uid per run" if os.geteuid() == 0 else "runs share this user's uid"
            self.stdout.write(
                self.style.SUCCESS(
                    f"Grading: isolated with bubblewrap (no network, read-only system), "
                    f"{uids}, {cgroups}; interpreter {sandbox_python()}."
                )
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    "Grading: NOT isolated (bubblewrap missing or not working): rlimits and "
                    "a scrubbed environment only. Fine for your own code; never for learners'."
                )
            )
