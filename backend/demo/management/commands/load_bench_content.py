from django.core.management.base import BaseCommand

from demo.bench_content import bench_content_load


class Command(BaseCommand):
    help = "Grow the demo site into the benchmark data set (run load_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=1000)
        parser.add_argument("--courses", type=int, default=20)
        parser.add_argument("--lessons-per-course", type=int, default=10)

    def handle(self, *args, **options):
        report = bench_content_load(
            posts=options["posts"],
            courses=options["courses"],
            lessons_per_course=options["lessons_per_course"],
        )
        self.stdout.write(
            f"Benchmark content: {report.posts} posts, {report.courses} courses, "
            f"{report.lessons} lessons."
        )
