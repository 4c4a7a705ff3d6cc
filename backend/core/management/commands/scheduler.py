"""Work that must happen on time whether or not anyone asks: run once a minute.

- Wagtail's ``publish_scheduled``: pages whose go-live time has come are published,
  those whose expiry has passed are unpublished (nothing else ever runs it).
- ``recover_submissions``: grading work whose worker died is queued again.

``make dev`` and the compose ``scheduler`` service run it; ``--once`` does one round.
"""

import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

logger = logging.getLogger(__name__)

JOBS = ("publish_scheduled", "recover_submissions")


class Command(BaseCommand):
    help = "Publish scheduled pages and recover stuck grading, every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0)
        parser.add_argument("--once", action="store_true", help="one round, then exit")

    def handle(self, *args, interval: float, once: bool, **options):
        while True:
            started = time.monotonic()
            for job in JOBS:
                try:
                    call_command(job, verbosity=0)
                except Exception:  # a failed round is logged; the next one runs anyway
                    logger.exception("scheduler.job_failed", extra={"job": job})
            if once:
                return
            time.sleep(max(0.0, interval - (time.monotonic() - started)))
