"""The one exception tree of InstaTag.

Every error the product raises on purpose derives from `InstaTagError`. Each subclass carries
the HTTP status and the machine-readable code that the functions answer with, so a handler
never has to map exceptions to responses itself.
"""

from __future__ import annotations


class InstaTagError(Exception):
    """Root of every error InstaTag raises on purpose."""

    status: int = 500
    code: str = "internal"


class ConfigError(InstaTagError):
    """A setting is missing or has a value the product cannot use."""

    code = "config"


class BadRequest(InstaTagError):
    """The request is malformed: a missing field, a wrong type, a value out of range."""

    status = 400
    code = "bad_request"


class Unauthorized(InstaTagError):
    """The caller did not prove who it is (a missing or invalid OIDC token)."""

    status = 401
    code = "unauthorized"


class NotFound(InstaTagError):
    """The thing asked for does not exist: a document, a blob, a category."""

    status = 404
    code = "not_found"


class MethodNotAllowed(InstaTagError):
    status = 405
    code = "method_not_allowed"


class PayloadTooLarge(InstaTagError):
    """The upload is bigger than the configured cap, or decodes to too many pixels."""

    status = 413
    code = "payload_too_large"


class UnsupportedMediaType(InstaTagError):
    """The upload is not one of the image formats the product reads."""

    status = 415
    code = "unsupported_media_type"


class UnprocessableInput(InstaTagError):
    """The upload has the right type but cannot be used: truncated, corrupt, empty."""

    status = 422
    code = "unprocessable"


class RateLimited(InstaTagError):
    """An upstream source asked us to slow down; the caller should retry later."""

    status = 429
    code = "rate_limited"

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NotImplementedYet(InstaTagError):
    status = 501
    code = "not_implemented"


class Unavailable(InstaTagError):
    """A dependency (a model, a store, a cache) cannot serve right now."""

    status = 503
    code = "unavailable"
