import re

from django.core.management.base import BaseCommand, CommandError

from ai.selectors import cost_report


class Command(BaseCommand):
    help = "Print a month's AI usage from the ledger: calls, tokens, cost, hit rate, top users."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM; the current month by default")
        parser.add_argument("--top", type=int, default=5, help="How many features and users")

    def handle(self, *args, month=None, top=5, **options):
        if month and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
            raise CommandError("--month must look like 2026-11")
        report = cost_report(month, top=top)
        write = self.stdout.write
        write(f"AI usage for {report.month}")
        write(f"  requests         {report.requests}")
        write(f"  provider calls   {report.provider_calls}")
        write(f"  cache hits       {report.cache_hits}  (hit rate {report.hit_rate:.0%})")
        write(f"  refused          {report.refused}")
        write(f"  failed           {report.failed}")
        write(f"  prompt tokens    {report.prompt_tokens}")
        write(f"  completion tokens {report.completion_tokens}")
        write(f"  cost             ${report.cost_usd:.6f}")
        write("Top features")
        for row in report.top_features:
            write(f"  {row['feature']:<20} {row['requests']:>6} requests  ${row['cost_usd']:.6f}")
        write("Top users")
        for row in report.top_users:
            write(f"  {row['username']:<20} {row['requests']:>6} requests  ${row['cost_usd']:.6f}")
