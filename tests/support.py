"""Small helpers the tests share: a waiting inbox, a local HTTP receiver, a photo form."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from instatag.errors import Unavailable
from instatag.ports import Document, DocumentStore, Filter
from urllib3 import encode_multipart_formdata
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response


class Inbox:
    """Collects delivered items from other threads; `wait_for` blocks until enough arrived."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._changed = threading.Condition()

    def append(self, item: Any) -> None:
        with self._changed:
            self.items.append(item)
            self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = 30.0) -> list[Any]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.items) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} deliveries, got {len(self.items)}")
                self._changed.wait(left)
            return list(self.items)


@contextmanager
def http_receiver(inbox: Inbox, fail_first: int = 0) -> Iterator[str]:
    """A local HTTP endpoint that puts each POSTed JSON body in `inbox`.

    The first `fail_first` requests are answered 500, as a failing worker would.
    """
    attempts = {"count": 0}

    @Request.application  # type: ignore[arg-type]
    def app(request: Request) -> Response:
        attempts["count"] += 1
        if attempts["count"] <= fail_first:
            return Response("failing on purpose", status=500)
        inbox.append(json.loads(request.get_data() or b"null"))
        return Response("ok")

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


# Where the Pub/Sub push receiver (`pubsub_receiver.py`) puts the CloudEvents it is handed.
EVENT_SINK = Inbox()


class CountingStore:
    """A document store that counts, by collection, the documents it hands back."""

    def __init__(self, inner: DocumentStore) -> None:
        self.inner = inner
        self.reads: Counter[str] = Counter()

    def get(self, collection: str, doc_id: str) -> Document | None:
        return self.get_many(collection, [doc_id]).get(doc_id)

    def get_many(self, collection: str, doc_ids: Sequence[str]) -> dict[str, Document]:
        found = self.inner.get_many(collection, doc_ids)
        self.reads[collection] += len(found)
        return found

    def query(self, collection: str, filters: Sequence[Filter] = (), **kw: Any) -> Iterator[Any]:
        for item in self.inner.query(collection, filters, **kw):
            self.reads[collection] += 1
            yield item

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class DownCache:
    """A cache that cannot be reached, as the Redis port reports it."""

    def _down(self, *_: Any, **__: Any) -> Any:
        raise Unavailable("Redis did not answer: connection refused")

    get = set = set_many = add = delete = _down

    def ping(self) -> bool:
        return False


def photo_form(photo: bytes, filename: str = "photo", **fields: str) -> dict[str, Any]:
    """Keyword arguments for a test client's `post`: a multipart form as HTTP clients encode
    it (werkzeug's own test encoder leaves out the line break that ends an empty file)."""
    body, content_type = encode_multipart_formdata(
        {"image": (filename, photo, "application/octet-stream"), **fields}
    )
    return {"data": body, "content_type": content_type}
