from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.admin_login import RateLimitedAdminLoginView
from ai.admin_views import wagtail_ai_overrides
from ai.urls import urlpatterns as ai_urls
from core.errors import api_not_found
from core.views import healthz
from delivery.router import api_router
from learning.urls import urlpatterns as learning_urls

handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"

urlpatterns = [
    path("admin/login/", RateLimitedAdminLoginView.as_view(), name="wagtailadmin_login"),
    # wagtail-ai's admin endpoints, answered through our AI service (see ai/admin_views.py).
    path("admin/ai/", include(wagtail_ai_overrides)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/v1/", include((learning_urls + ai_urls, "v1"))),
    # Learner accounts: django-allauth's headless API (browser and app clients).
    path("api/auth/", include("allauth.headless.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="openapi-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="openapi-schema"), name="api-docs"),
    path(
        "api/redoc/",
        SpectacularRedocView.as_view(url_name="openapi-schema", template_name="core/redoc.html"),
        name="api-redoc",
    ),
    path("healthz/", healthz, name="healthz"),
]

# Anything else under /api/ is the JSON 404 (with DEBUG on too, where Django would
# answer its HTML page), and so is a malformed id in a known route.
urlpatterns += [re_path(r"^api/", api_not_found)]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
