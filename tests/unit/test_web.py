"""The HTTP layer every function shares, exercised through a real Flask app."""

from __future__ import annotations

import io
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import flask
import pytest
from instatag.errors import RateLimited, UnsupportedMediaType
from instatag.web import http_function, json_body, read_form


def make_client(handler: Any) -> Any:
    app = flask.Flask("test")
    app.add_url_rule("/", "f", lambda: handler(flask.request), methods=["GET", "POST"])
    return app.test_client()


@pytest.fixture
def small_cap(embedded: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("INSTATAG_MAX_REQUEST_BYTES", "2048")
    from instatag import runtime

    runtime.reset()
    yield


def test_an_instatag_error_becomes_its_status_and_json() -> None:
    @http_function
    def handler(request: flask.Request) -> Any:
        raise UnsupportedMediaType("image/gif is not a supported image type")

    response = make_client(handler).post("/")

    assert response.status_code == 415
    assert response.json == {
        "error": {
            "code": "unsupported_media_type",
            "message": "image/gif is not a supported image type",
        }
    }


def test_an_unexpected_error_is_a_500_without_internals() -> None:
    @http_function
    def handler(request: flask.Request) -> Any:
        raise KeyError("secret-internal-detail")

    response = make_client(handler).post("/")

    assert response.status_code == 500
    assert response.json == {"error": {"code": "internal", "message": "internal error"}}


def test_rate_limited_answers_429_with_retry_after() -> None:
    @http_function
    def handler(request: flask.Request) -> Any:
        raise RateLimited("source asked us to slow down", retry_after=1.2)

    response = make_client(handler).post("/")

    assert response.status_code == 429
    assert response.headers["Retry-After"] == "2"


def test_an_oversized_body_is_refused_before_the_handler_reads_it(small_cap: None) -> None:
    calls = []

    @http_function
    def handler(request: flask.Request) -> Any:
        calls.append(request.get_data())
        return {"ok": True}

    response = make_client(handler).post("/", data=b"x" * 4096)

    assert response.status_code == 413
    assert response.json["error"]["code"] == "payload_too_large"
    assert "2048" in response.json["error"]["message"]
    assert calls == []


def test_an_oversized_form_without_length_is_refused_while_read(small_cap: None) -> None:
    @http_function
    def handler(request: flask.Request) -> Any:
        return {"fields": len(request.form)}

    # A chunked upload announces no length, so only reading it can find it too large.
    response = make_client(handler).post(
        "/",
        input_stream=io.BytesIO(b"a=" + b"x" * 4096),
        content_type="application/x-www-form-urlencoded",
        environ_overrides={"wsgi.input_terminated": True},
    )

    assert response.status_code == 413
    assert "error" in response.json


def test_json_body_refuses_anything_but_an_object() -> None:
    @http_function
    def handler(request: flask.Request) -> Any:
        return json_body(request)

    client = make_client(handler)

    assert client.post("/", json={"a": 1}).json == {"a": 1}
    refused = client.post("/", data="[1, 2]", content_type="application/json")
    assert refused.status_code == 400
    assert refused.json["error"]["code"] == "bad_request"


@http_function
def echo_form(request: flask.Request) -> Any:
    fields, files = read_form(request)
    return {
        "fields": {name: fields.getlist(name) for name in fields},
        "files": {
            name: [upload.filename, upload.mimetype, len(upload.read())]
            for name, upload in files.items()
        },
    }


def post_raw(body: bytes, boundary: str = "XyZ") -> Any:
    return make_client(echo_form).post(
        "/", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )


def test_a_form_gives_its_fields_and_files() -> None:
    photo = bytes(range(256)) * 8192 + b"\r\n--not-the-boundary\r\n"

    response = make_client(echo_form).post(
        "/",
        data={
            "image": (io.BytesIO(photo), "café.jpg", "image/jpeg"),
            "text": "brunch in Lisbon ☀",
            "hashtags": ["food", "travel"],
        },
        content_type="multipart/form-data",
    )

    assert response.status_code == 200
    assert response.json["files"] == {"image": ["café.jpg", "image/jpeg", len(photo)]}
    assert response.json["fields"] == {
        "text": ["brunch in Lisbon ☀"],
        "hashtags": ["food", "travel"],
    }


def part(value: bytes, disposition: bytes = b"form-data; name=a") -> bytes:
    return b"--XyZ\r\nContent-Disposition: " + disposition + b"\r\n\r\n" + value + b"\r\n"


END = b"--XyZ--\r\n"


@pytest.mark.parametrize(
    ("body", "boundary", "status", "problem"),
    [
        (part(b"hello")[:-2], "XyZ", 400, "ends before its closing boundary"),
        (b"this is not a form at all", "XyZ", 400, "malformed"),
        (part(b"x", disposition=b"form-data") + END, "XyZ", 400, "no name"),
        (part(b"\xff") + END, "XyZ", 400, "not UTF-8"),
        (part(b"x") + END, "", 400, "no boundary"),
        (part(b"x" * 600_000) + END, "XyZ", 413, "too large"),
        (part(b"x") * 1001 + END, "XyZ", 413, "more than 1000 parts"),
        (part(b"x") + END, "X" * 300, 400, "malformed"),
    ],
    ids=[
        "truncated",
        "garbage",
        "no-name",
        "not-utf8",
        "no-boundary",
        "big-field",
        "many-parts",
        "long-boundary",
    ],
)
def test_a_bad_form_is_refused_naming_the_problem(
    body: bytes, boundary: str, status: int, problem: str
) -> None:
    response = post_raw(body, boundary)

    assert response.status_code == status
    assert problem in response.json["error"]["message"]


def test_a_damaged_form_is_read_or_refused_never_a_server_error() -> None:
    rng = random.Random(20261203)
    form = part(bytes(range(256)) * 40, b'form-data; name="image"; filename="a.jpg"')
    form += part(b"hello", b'form-data; name="text"') + END
    outcomes = Counter()

    for _ in range(300):
        response = post_raw(damaged(form, rng))
        outcomes[response.status_code] += 1
        if response.status_code == 400:
            message = response.json["error"]["message"]
            assert "multipart/form-data" in message or "form field" in message, message

    assert set(outcomes) <= {200, 400}
    assert outcomes[400] > 0 and outcomes[200] > 0, outcomes


def damaged(data: bytes, rng: random.Random) -> bytes:
    """`data` with a few bytes changed, dropped, inserted or cut off at random."""
    body = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(body) + 1)
        change = rng.random()
        if change < 0.4 and at < len(body):
            body[at] = rng.randrange(256)
        elif change < 0.6:
            del body[at : at + rng.randint(1, 40)]
        elif change < 0.85:
            body[at:at] = rng.randbytes(rng.randint(1, 16))
        else:
            del body[at:]
    return bytes(body)
