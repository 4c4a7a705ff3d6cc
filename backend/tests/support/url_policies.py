"""Who may use each /api/v1/ URL: the table tests/test_url_permissions.py enforces
and tests/test_openapi.py checks the document against."""

from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC, SIGNED_IN, OWNER = "public", "signed-in", "owner"

# url name -> (policy, methods to try)
POLICIES = {
    "v1:course-list": (PUBLIC, ["get"]),
    "v1:course-detail": (PUBLIC, ["get"]),
    "v1:lesson-detail": (PUBLIC, ["get"]),
    "v1:exercise-detail": (PUBLIC, ["get"]),
    "v1:course-enrolment": (SIGNED_IN, ["put", "delete"]),
    "v1:enrolment-list": (SIGNED_IN, ["get"]),
    "v1:lesson-completion": (SIGNED_IN, ["put"]),
    "v1:submission-list": (SIGNED_IN, ["get", "post"]),
    "v1:submission-detail": (OWNER, ["get"]),
    "v1:progress": (SIGNED_IN, ["get"]),
    "v1:dashboard": (SIGNED_IN, ["get"]),
    "v1:me": (SIGNED_IN, ["get", "patch"]),
    "v1:me-avatar": (SIGNED_IN, ["delete"]),
    # Authoring features: staff only; hints only on the learner's own submissions
    # (tests/ai/test_views.py checks both).
    "v1:ai-generate": (SIGNED_IN, ["post"]),
    "v1:ai-quota": (SIGNED_IN, ["get"]),
}


def api_v1_patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from api_v1_patterns(pattern, route, inner)
        elif isinstance(pattern, URLPattern) and route.startswith("api/v1/"):
            yield f"{namespace}{pattern.name}", route
