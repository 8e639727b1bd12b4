"""What every HTTP function shares: size cap, JSON errors, trace-aware logging."""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Callable
from typing import IO, Any

import flask
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.exceptions import HTTPException
from werkzeug.formparser import MultiPartParser

from instatag import logs
from instatag.errors import BadRequest, InstaTagError, PayloadTooLarge
from instatag.settings import get_settings

logger = logging.getLogger(__name__)

# Under werkzeug's 500 kB cap on unparsed form data held at once.
FORM_BUFFER = 256 * 1024

Handler = Callable[[flask.Request], Any]


def http_function(handler: Handler) -> Handler:
    """Wrap a handler so that every failure becomes a JSON error with the right status.

    A body over `INSTATAG_MAX_REQUEST_BYTES` is refused with 413 before it is read.
    """

    @functools.wraps(handler)
    def wrapper(request: flask.Request) -> Any:
        token = logs.set_trace(request.headers.get("X-Cloud-Trace-Context"))
        try:
            _check_size(request)
            return handler(request)
        except Exception as exc:
            return error_response(exc)
        finally:
            logs.reset_trace(token)

    return wrapper


def error_response(exc: Exception) -> tuple[flask.Response, int]:
    """The JSON answer for an exception: `{"error": {"code", "message"}}`."""
    if isinstance(exc, InstaTagError):
        status, code, message = exc.status, exc.code, str(exc)
    elif isinstance(exc, HTTPException):
        status = exc.code or 500
        code = (exc.name or "error").lower().replace(" ", "_")
        message = exc.description or exc.name
    else:
        status, code, message = 500, "internal", "internal error"

    if status >= 500:
        logger.error("request failed: %s", message, exc_info=exc)
    else:
        logger.info("request refused (%d %s): %s", status, code, message)

    response = flask.jsonify({"error": {"code": code, "message": message}})
    retry_after = getattr(exc, "retry_after", None)
    if retry_after:
        response.headers["Retry-After"] = str(int(retry_after + 0.999))
    return response, status


def _check_size(request: flask.Request) -> None:
    cap = get_settings().max_request_bytes
    if request.content_length is not None and request.content_length > cap:
        raise PayloadTooLarge(
            f"request body is {request.content_length} bytes; the limit is {cap} bytes"
        )
    # Set only now: functions-framework drains the body after answering, which must not fail.
    request.max_content_length = cap


def json_body(request: flask.Request) -> dict[str, Any]:
    """The request's JSON object, or a 400 naming what is wrong with it."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    return body


def read_form(request: flask.Request) -> tuple[MultiDict[str, str], MultiDict[str, FileStorage]]:
    """The form's fields and files. Files stay in memory (the body is already capped, and
    spooling a photo to a temporary file costs more than the rest of the parsing), read in
    large chunks."""
    boundary = request.mimetype_params.get("boundary", "").encode("ascii", "replace")
    if not boundary:
        raise BadRequest("the multipart/form-data body has no boundary")
    parser = MultiPartParser(
        stream_factory=_in_memory,
        max_form_memory_size=request.max_form_memory_size,
        max_form_parts=request.max_form_parts,
        buffer_size=FORM_BUFFER,
    )
    try:
        return parser.parse(request.stream, boundary, request.content_length)
    except ValueError as exc:
        raise BadRequest(f"the multipart/form-data body is malformed: {exc}") from exc


def _in_memory(
    total_content_length: int | None,
    content_type: str | None,
    filename: str | None,
    content_length: int | None = None,
) -> IO[bytes]:
    return io.BytesIO()
