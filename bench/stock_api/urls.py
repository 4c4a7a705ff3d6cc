"""The product's URLs plus stock Wagtail's v2 pages endpoint at /bench/stock/v2/.

Stock Wagtail's endpoint, unmodified, on the same models and data, so that
``make bench`` can measure our content API side by side with what a stock Wagtail
install would serve. Only ``stock_api.settings`` mounts it.
"""

from django.urls import path
from rest_framework.permissions import AllowAny
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from config.urls import urlpatterns as product_urlpatterns


class StockPagesAPIViewSet(PagesAPIViewSet):
    # Only our project-wide DRF defaults (sign-in required) are put back to a stock
    # install's: a public endpoint that reads no credentials, like ours.
    permission_classes = [AllowAny]
    authentication_classes = []


stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", StockPagesAPIViewSet)

urlpatterns = [path("bench/stock/v2/", stock_router.urls), *product_urlpatterns]
