"""The `captions` function: caption options for a photo.

`POST` multipart/form-data with an `image` file and optional fields `tone` (casual, funny,
inspirational or minimal; a mix when absent), `count` (1-10), `with_hashtags` (true/false) and
`platform` (instagram, tiktok, x, threads). The answer holds `captions` (each with `text`,
`tone` and `source`: "photo" when written from what the photo shows, "posts" when taken from a
similar real post), the photo's `concepts`, what the captions are about (`subject`, `mood`),
`model_version`, and with `with_hashtags` the appended `hashtags`.
"""

from __future__ import annotations

from typing import Any

import flask

from instatag.captions.service import CaptionRequest, service
from instatag.captions.templates import TONES, Tone
from instatag.errors import BadRequest, MethodNotAllowed, UnsupportedMediaType
from instatag.settings import get_settings
from instatag.web import http_function, read_form

TRUE = frozenset({"true", "1", "yes", "on"})
FALSE = frozenset({"false", "0", "no", "off", ""})
MAX_COUNT_DIGITS = 3


@http_function
def handle(request: flask.Request) -> Any:
    if request.method != "POST":
        raise MethodNotAllowed("send a POST with a photo as `image`")
    answer = service().answer(parse(request))
    return flask.jsonify(answer.to_json())


def parse(request: flask.Request) -> CaptionRequest:
    """The request's fields from its multipart form; 4xx naming what is wrong."""
    if request.mimetype != "multipart/form-data":
        raise UnsupportedMediaType(
            "send multipart/form-data with the photo as `image`, "
            f"not {request.mimetype or 'an empty body'}"
        )
    form, files = read_form(request)
    upload = files.get("image")
    if upload is None:
        raise BadRequest("the form has no `image` file; attach the photo as `image`")

    settings = get_settings()
    return CaptionRequest(
        image=upload.read(),
        tone=tone(form.get("tone")),
        count=count(form.get("count"), settings.captions.default_count),
        with_hashtags=flag(form.get("with_hashtags"), "with_hashtags"),
        platform=(form.get("platform") or settings.tags.default_platform).strip().lower(),
    )


def tone(value: str | None) -> Tone | None:
    """A tone name, or None for a mix of tones."""
    if value is None or not value.strip() or value.strip().lower() == "mix":
        return None
    name = value.strip().lower()
    if name not in TONES:
        raise BadRequest(f"unknown tone {value!r}; use one of {', '.join(TONES)}")
    return name


def count(value: str | None, default: int) -> int:
    if value is None or not value.strip():
        return default
    text = value.strip()
    if not text.isdigit() or len(text) > MAX_COUNT_DIGITS:
        raise BadRequest(f"`count` must be a whole number, not {value!r}")
    return int(text)


def flag(value: str | None, name: str) -> bool:
    text = (value or "").strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise BadRequest(f"`{name}` must be true or false, not {value!r}")
