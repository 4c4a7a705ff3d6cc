from wagtail import hooks

from delivery.rich_text import (
    BackendDocumentLinkHandler,
    FrontendImageEmbedHandler,
    FrontendPageLinkHandler,
)


# Runs after Wagtail's own registrations (order 0), so these handlers replace them.
@hooks.register("register_rich_text_features", order=100)
def register_frontend_rich_text_handlers(features):
    features.register_link_type(FrontendPageLinkHandler)
    features.register_link_type(BackendDocumentLinkHandler)
    features.register_embed_type(FrontendImageEmbedHandler)
