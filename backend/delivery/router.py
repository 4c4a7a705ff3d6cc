from wagtail.api.v2.router import WagtailAPIRouter

from delivery.views import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet, ReaderPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ReaderPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
