"""Reading a tags request: multipart and JSON fields, and every way they can be wrong."""

from __future__ import annotations

import io
from typing import Any

import flask
import pytest
from instatag.errors import BadRequest, UnsupportedMediaType
from instatag.handlers.tags import parse
from instatag.hashtags.service import TagRequest
from instatag.settings import Settings

app = flask.Flask(__name__)
SETTINGS = Settings()


def parsed(**options: Any) -> TagRequest:
    with app.test_request_context("/", method="POST", **options):
        return parse(flask.request).check(SETTINGS)


def test_a_multipart_upload_with_every_field() -> None:
    request = parsed(
        data={
            "image": (io.BytesIO(b"\xff\xd8\xffjpeg"), "photo.jpg"),
            "text": "beach day",
            "platform": "tiktok",
            "limit": "7",
            "hashtags": "#sun, sea summer",
        },
        content_type="multipart/form-data",
    )

    assert request.image == b"\xff\xd8\xffjpeg"
    assert request.text == "beach day"
    assert request.platform == "tiktok"
    assert request.limit == 7
    assert request.hashtags == ("#sun", "sea", "summer")


def test_json_with_text_and_hashtags_takes_the_defaults() -> None:
    request = parsed(json={"text": "sushi", "hashtags": ["food", "#Japan"]})

    assert request == TagRequest(text="sushi", hashtags=("food", "#Japan"))
    assert (request.platform, request.limit) == ("instagram", 15)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "send an `image`, some `text` or a list of `hashtags`"),
        ({"text": "   "}, "send an `image`"),
        ({"text": 5}, "`text` must be a string"),
        ({"hashtags": "cat dog"}, "`hashtags` must be a list of strings"),
        ({"hashtags": ["cat", 3]}, "`hashtags` must be a list of strings"),
        ({"text": "cat", "platform": "myspace"}, "unknown platform 'myspace'"),
        ({"text": "cat", "platform": 3}, "`platform` must be a string"),
        ({"text": "cat", "limit": 0}, "between 1 and 30"),
        ({"text": "cat", "limit": 31}, "between 1 and 30"),
        ({"text": "cat", "limit": "many"}, "whole number"),
        ({"text": "cat", "limit": 2.5}, "whole number"),
        ({"text": "cat", "limit": True}, "whole number"),
        ({"text": "x" * 2001}, "longer than 2000"),
        ({"image": "aGVsbG8="}, "multipart/form-data"),
    ],
)
def test_bad_json_fields_are_named(body: dict[str, Any], message: str) -> None:
    with pytest.raises(BadRequest, match=message):
        parsed(json=body)


def test_an_unknown_platform_lists_the_allowed_ones() -> None:
    with pytest.raises(BadRequest) as caught:
        parsed(json={"text": "cat", "platform": "myspace"})

    assert "['instagram', 'threads', 'tiktok', 'x']" in str(caught.value)


@pytest.mark.parametrize("limit", ["0", "-1", "99999999999", "ten"])
def test_bad_form_limits_are_refused(limit: str) -> None:
    with pytest.raises(BadRequest, match="limit"):
        parsed(data={"text": "cat", "limit": limit}, content_type="multipart/form-data")


def test_a_body_that_is_neither_form_nor_json_is_an_unsupported_type() -> None:
    with pytest.raises(UnsupportedMediaType, match="text/plain"):
        parsed(data="cat", content_type="text/plain")
