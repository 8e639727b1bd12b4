"""The `tags` function: hashtags for a photo, some words, or the hashtags a post already has.

`POST` multipart/form-data with an `image` file and optional `text`, `hashtags`, `platform` and
`limit` fields, or JSON `{"text", "hashtags", "platform", "limit"}`. The answer holds the
`recommended` set for the platform, a `copy`-ready string of it, the longer ranked `tags` list
(each with `tag`, `score`, `tier` and `reasons`), the photo's `concepts` and `model_version`.
"""

from __future__ import annotations

import re
from typing import Any

import flask

from instatag.errors import BadRequest, MethodNotAllowed, UnsupportedMediaType
from instatag.hashtags.service import TagRequest, service
from instatag.settings import get_settings
from instatag.web import http_function, json_body, read_form

_LIST_SEPARATORS = re.compile(r"[\s,]+")


@http_function
def handle(request: flask.Request) -> Any:
    if request.method != "POST":
        raise MethodNotAllowed("send a POST with an image, some text or hashtags")
    answer = service().answer(parse(request))
    return flask.jsonify(answer.to_json())


def parse(request: flask.Request) -> TagRequest:
    """The request's fields, from a multipart form or a JSON body."""
    if request.mimetype == "multipart/form-data":
        return _from_form(request)
    if request.is_json:
        return _from_json(json_body(request))
    raise UnsupportedMediaType(
        f"send multipart/form-data or application/json, not {request.mimetype or 'nothing'}"
    )


def _from_form(request: flask.Request) -> TagRequest:
    form, files = read_form(request)
    upload = files.get("image")
    hashtags = [t for value in form.getlist("hashtags") for t in _split(value)]
    return TagRequest(
        image=upload.read() if upload is not None else None,
        text=form.get("text", ""),
        hashtags=tuple(hashtags),
        platform=form.get("platform") or get_settings().tags.default_platform,
        limit=_limit(form.get("limit")),
    )


def _from_json(body: dict[str, Any]) -> TagRequest:
    if "image" in body:
        raise BadRequest("send the image as a file in a multipart/form-data request")
    text = body.get("text") or ""
    hashtags = body.get("hashtags") or []
    platform = body.get("platform") or get_settings().tags.default_platform
    if not isinstance(text, str):
        raise BadRequest("`text` must be a string")
    if not isinstance(hashtags, list) or not all(isinstance(t, str) for t in hashtags):
        raise BadRequest("`hashtags` must be a list of strings")
    if not isinstance(platform, str):
        raise BadRequest("`platform` must be a string")
    return TagRequest(
        text=text,
        hashtags=tuple(hashtags),
        platform=platform,
        limit=_limit(body.get("limit")),
    )


def _limit(value: Any) -> int:
    if value is None or value == "":
        return get_settings().tags.default_limit
    if isinstance(value, bool):
        raise BadRequest("`limit` must be a whole number")
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 6:
        return int(value)
    if isinstance(value, int):
        return value
    raise BadRequest("`limit` must be a whole number")


def _split(value: str) -> list[str]:
    return [part for part in _LIST_SEPARATORS.split(value) if part]
