import os

from django.core.management.base import BaseCommand

from demo.services import demo_site_load

DEFAULT_DEV_PASSWORD = "codecampus-admin"  # noqa: S105 - printed demo login for local use


class Command(BaseCommand):
    help = "Load the demo site (idempotent) and create the admin user if it is missing."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_DEV_PASSWORD
        report = demo_site_load(admin_password=password)
        self.stdout.write(
            f"Demo content: {report.total_posts} published posts "
            f"({report.created_posts} created now), {report.total_courses} courses."
        )
        if report.admin_password:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin login: {report.admin_username} / {report.admin_password} "
                    "at http://localhost:8000/admin/"
                )
            )
        else:
            self.stdout.write(
                f"Admin login: user '{report.admin_username}' already exists "
                f"(first created with password '{DEFAULT_DEV_PASSWORD}' unless "
                "DEMO_ADMIN_PASSWORD was set)."
            )
