from wagtail.api.v2.router import WagtailAPIRouter

from delivery.views import (
    PagePreviewAPIViewSet,
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
    ReaderPagesAPIViewSet,
)

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ReaderPagesAPIViewSet)
# After "pages", so that page links in responses keep pointing at the pages endpoint.
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
