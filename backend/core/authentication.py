from allauth.headless.contrib.rest_framework.authentication import XSessionTokenAuthentication


class SessionTokenAuthentication(XSessionTokenAuthentication):
    """allauth's app session token (``X-Session-Token``). Naming a scheme lets DRF answer
    unauthenticated requests with 401 and ``WWW-Authenticate`` instead of 403."""

    def authenticate_header(self, request) -> str:
        return 'X-Session-Token realm="api"'
