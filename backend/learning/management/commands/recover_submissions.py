from django.core.management.base import BaseCommand

from learning.submissions import submissions_recover


class Command(BaseCommand):
    help = "Re-queue submissions whose grading worker died; fail those out of attempts."

    def handle(self, *args, **options):
        counts = submissions_recover()
        self.stdout.write(f"Re-queued {counts['requeued']}, gave up on {counts['failed']}.")
