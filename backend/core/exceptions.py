"""Domain errors: what services, selectors and the AI context raise.

They know nothing of HTTP. Each kind says what went wrong for the caller (not
found, invalid input, a conflict with the current state, not allowed, limited,
unavailable, timed out) with a stable ``code`` and a message written for
clients; ``core.errors`` maps each kind to its status in the one error format.
"""


class DomainError(Exception):
    code = "error"
    message = ""

    def __init__(self, message: str = "", *, code: str = "", retry_after: int | None = None):
        self.message = message or self.message
        self.code = code or self.code
        # Seconds after which trying again may succeed (Retry-After), when known.
        self.retry_after = retry_after
        super().__init__(self.message)


class NotFoundError(DomainError):
    code = "not_found"


class InvalidInputError(DomainError):
    """Input the caller must fix; ``fields`` names each field and its messages."""

    code = "invalid"

    def __init__(self, fields: dict[str, list[str]]):
        super().__init__("The request is invalid.")
        self.fields = fields


class ConflictError(DomainError):
    """The request is valid but the current state does not allow it."""

    code = "conflict"


class NotAllowedError(DomainError):
    code = "permission_denied"


class RateLimitedError(DomainError):
    code = "rate_limited"


class UnavailableError(DomainError):
    code = "service_unavailable"


class UpstreamTimeoutError(DomainError):
    code = "timeout"
