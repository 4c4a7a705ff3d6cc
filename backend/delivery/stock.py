"""Stock Wagtail's v2 pages endpoint, unmodified, on the same models and data.

It exists only so that ``make bench`` can measure our content API side by side
with what a stock Wagtail install would serve; it is mounted at /bench/stock/v2/
when BENCH_STOCK_API is on (never by default).
"""

from rest_framework.permissions import AllowAny
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class StockPagesAPIViewSet(PagesAPIViewSet):
    # Only our project-wide DRF defaults (sign-in required) are put back to a stock
    # install's: a public endpoint that reads no credentials, like ours.
    permission_classes = [AllowAny]
    authentication_classes = []


stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", StockPagesAPIViewSet)
