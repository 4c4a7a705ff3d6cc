from django.core.management.base import BaseCommand

from demo.bulk_posts import bulk_posts_load


class Command(BaseCommand):
    help = "Top the blog up to --count posts, copied in bulk from the demo posts (load_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)

    def handle(self, *args, **options):
        report = bulk_posts_load(count=options["count"])
        self.stdout.write(f"Bulk posts: {report.total} posts ({report.created} created now).")
