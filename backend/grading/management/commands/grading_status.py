from django.core.management.base import BaseCommand

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
            self.stdout.write(
                self.style.SUCCESS(
                    f"Grading: isolated with bubblewrap (no network, read-only system, "
                    f"uid nobody, rlimits), interpreter {sandbox_python()}."
                )
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    "Grading: NOT isolated (bubblewrap missing or not working): rlimits and "
                    "a scrubbed environment only. Fine for your own code; never for learners'."
                )
            )
