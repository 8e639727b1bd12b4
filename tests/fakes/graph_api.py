"""A local Instagram Graph API for the hashtag endpoints, answering with the real shapes.

It serves `GET /{version}/ig_hashtag_search`, `GET /{version}/{hashtag-id}/top_media` and
`.../recent_media` over real HTTP on a free port: `{"data": [...], "paging": {"cursors":
{"after"}, "next"}}` pages, only the requested `fields`, and Graph errors
`{"error": {"message", "type": "OAuthException", "code", "error_subcode", "fbtrace_id"}}` with
the statuses the API uses. Faults (rate limits, 5xx, slow answers, broken bodies) are queued
with `fail` and consumed by the next matching requests.
"""

from __future__ import annotations

import base64
import itertools
import json
import secrets
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

VERSION = "v21.0"
MAX_LIMIT = 50
DEFAULT_LIMIT = 25

FaultKind = Literal[
    "rate_limit", "too_many_requests", "server_error", "slow", "malformed", "html", "bad_token"
]

# Statuses the Graph API answers these codes with.
RATE_LIMIT_STATUS = {4: 403, 17: 400, 32: 400, 613: 400}
RATE_LIMIT_MESSAGES = {
    4: "(#4) Application request limit reached",
    17: "(#17) User request limit reached",
    32: "(#32) Page request limit reached",
    613: "(#613) Calls to this api have exceeded the rate limit.",
}


@dataclass
class Fault:
    kind: FaultKind
    path: str = ""
    times: int = 1
    code: int = 4
    retry_after: int | None = None
    regain_minutes: int | None = None
    delay: float = 1.0


@dataclass(frozen=True)
class Seen:
    """One request as the fake received it."""

    path: str
    params: dict[str, str]
    authorization: str | None


@dataclass
class FakeGraphApi:
    token: str = "graph-test-token"
    user_id: str = "17841400000000001"
    hashtags: dict[str, str] = field(default_factory=dict)
    media: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(17843000000000000))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: Any = None

    # Arranging what the API knows.

    def add_hashtag(
        self,
        name: str,
        top: Sequence[dict[str, Any]] = (),
        recent: Sequence[dict[str, Any]] = (),
    ) -> str:
        hashtag_id = self.hashtags.get(name) or str(next(self._ids))
        self.hashtags[name] = hashtag_id
        self.media[(hashtag_id, "top_media")] = list(top)
        self.media[(hashtag_id, "recent_media")] = list(recent)
        return hashtag_id

    def make_media(
        self, count: int, caption: str, timestamp: str | None = None
    ) -> list[dict[str, Any]]:
        """`count` public posts with the same caption, each with its own id and shortcode,
        posted at `timestamp` (default: now), written as the Graph API writes times."""
        timestamp = timestamp or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")
        items = []
        for _ in range(count):
            media_id = str(next(self._ids))
            items.append(
                {
                    "id": media_id,
                    "caption": caption,
                    "like_count": int(media_id[-3:]),
                    "comments_count": int(media_id[-2:]),
                    "timestamp": timestamp,
                    "media_type": "IMAGE",
                    "permalink": f"https://www.instagram.com/p/C{media_id[-10:]}x/",
                }
            )
        return items

    def fail(self, kind: FaultKind, path: str = "", times: int = 1, **details: Any) -> None:
        """Answer the next `times` requests whose path contains `path` with this fault."""
        with self._lock:
            self.faults.append(Fault(kind, path, times, **details))

    def searched(self) -> list[str]:
        return [s.params.get("q", "") for s in self.seen if s.path.endswith("ig_hashtag_search")]

    def requests_to(self, part: str) -> list[Seen]:
        return [s for s in self.seen if part in s.path]

    # Serving.

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/{VERSION}"

    def start(self) -> FakeGraphApi:
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True)
        serve = self._server.serve_forever
        threading.Thread(target=serve, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()

    def __enter__(self) -> FakeGraphApi:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    @Request.application  # type: ignore[misc]
    def _app(self, request: Request) -> Response:
        params = dict(request.args)
        self.seen.append(Seen(request.path, params, request.headers.get("Authorization")))

        fault = self._take_fault(request.path)
        if fault is not None and fault.kind != "slow":
            return _fault_response(fault)
        if fault is not None:
            time.sleep(fault.delay)
        return self._answer(request, params)

    def _answer(self, request: Request, params: Mapping[str, str]) -> Response:
        given = params.get("access_token") or (request.headers.get("Authorization") or "")
        if given.removeprefix("Bearer ").removeprefix("OAuth ") != self.token:
            return _error(400, 190, "Invalid OAuth access token - Cannot parse access token")
        if params.get("user_id") != self.user_id:
            return _error(400, 100, "(#100) The parameter user_id is required", 2207004)

        parts = request.path.strip("/").split("/")
        if parts[:1] != [VERSION]:
            return _error(400, 2500, "Unknown path components: /" + "/".join(parts), None, 400)
        if parts[1:] == ["ig_hashtag_search"]:
            return self._search(params)
        if len(parts) == 3 and parts[2] in ("top_media", "recent_media"):
            return self._edge(request, parts[1], parts[2], params)
        return _error(
            400, 100, f"Unsupported get request. Object with ID '{parts[1]}' does not exist"
        )

    def _search(self, params: Mapping[str, str]) -> Response:
        name = params.get("q", "").lstrip("#").lower()
        if not name:
            return _error(400, 100, "(#100) The parameter q is required")
        found = [{"id": self.hashtags[name]}] if name in self.hashtags else []
        return _json({"data": found})

    def _edge(
        self, request: Request, hashtag_id: str, edge: str, params: Mapping[str, str]
    ) -> Response:
        if (hashtag_id, edge) not in self.media:
            return _error(400, 100, f"Object with ID '{hashtag_id}' does not exist", 33)
        items = self.media[(hashtag_id, edge)]
        limit = min(int(params.get("limit", DEFAULT_LIMIT)), MAX_LIMIT)
        start = _offset(params.get("after"))
        fields = {"id", *filter(None, params.get("fields", "id").split(","))}
        page = [
            {k: v for k, v in item.items() if k in fields} for item in items[start : start + limit]
        ]

        body: dict[str, Any] = {"data": page}
        if items:
            after = _cursor(start + limit)
            body["paging"] = {"cursors": {"after": after}}
            if start + limit < len(items):
                query = {**params, "after": after, "access_token": self.token}
                next_query = "&".join(f"{k}={v}" for k, v in query.items())
                body["paging"]["next"] = (
                    f"{request.host_url.rstrip('/')}{request.path}?{next_query}"
                )
        return _json(body)

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.path in path and fault.times > 0:
                    fault.times -= 1
                    return fault
        return None


def _fault_response(fault: Fault) -> Response:
    if fault.kind == "rate_limit":
        response = _error(
            RATE_LIMIT_STATUS[fault.code], fault.code, RATE_LIMIT_MESSAGES[fault.code]
        )
    elif fault.kind == "too_many_requests":
        response = _error(429, 4, RATE_LIMIT_MESSAGES[4])
    elif fault.kind == "server_error":
        body = {
            "error": {
                "message": "An unexpected error has occurred. Please retry your request later.",
                "type": "OAuthException",
                "is_transient": True,
                "code": 2,
                "fbtrace_id": _trace(),
            }
        }
        response = _json(body, status=500)
    elif fault.kind == "bad_token":
        response = _error(400, 190, "Error validating access token: Session has expired", 463)
    elif fault.kind == "malformed":
        response = Response('{"data": [{"id": "1784', status=200, mimetype="application/json")
    else:
        response = Response("<html><body>502 Bad Gateway</body></html>", status=502)

    if fault.retry_after is not None:
        response.headers["Retry-After"] = str(fault.retry_after)
    if fault.regain_minutes is not None:
        usage = {
            "17841400000000001": [
                {
                    "type": "instagram",
                    "call_count": 100,
                    "estimated_time_to_regain_access": fault.regain_minutes,
                }
            ]
        }
        response.headers["X-Business-Use-Case-Usage"] = json.dumps(usage)
    return response


def _error(
    status: int, code: int, message: str, subcode: int | None = None, override: int | None = None
) -> Response:
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    error["fbtrace_id"] = _trace()
    return _json({"error": error}, status=override or status)


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json")


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode().rstrip("=")


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    padded = cursor + "=" * (-len(cursor) % 4)
    return int(base64.urlsafe_b64decode(padded).decode().split(":")[1])


def _trace() -> str:
    return secrets.token_urlsafe(8)
