"""The five ports InstaTag talks to the outside through, and the values they exchange.

Each port has an embedded implementation (files and threads in this process) and a Google
Cloud one (Firestore, Redis, Cloud Storage, Pub/Sub, Cloud Tasks). Code outside `ports` only
ever sees these protocols; `instatag.runtime` picks the family from the settings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

Document = dict[str, Any]
Operator = Literal["==", "<", "<=", ">", ">=", "in", "array_contains"]


@dataclass(frozen=True)
class Filter:
    """One condition of a query: `field op value`."""

    field: str
    op: Operator
    value: Any


@dataclass(frozen=True)
class Counter:
    """Increments to one document, which is created when absent.

    `counts` are added key by key into the document's `counts` map, `totals` to top-level number
    fields, and `fields` are plain values written alongside (e.g. the category and day).
    """

    collection: str
    doc_id: str
    counts: Mapping[str, int] = field(default_factory=dict)
    totals: Mapping[str, int] = field(default_factory=dict)
    fields: Mapping[str, Any] = field(default_factory=dict)


class DocumentStore(Protocol):
    """Schemaless documents in named collections (Firestore's model)."""

    def get(self, collection: str, doc_id: str) -> Document | None: ...

    def get_many(self, collection: str, doc_ids: Sequence[str]) -> dict[str, Document]:
        """The documents that exist among `doc_ids`, keyed by id."""
        ...

    def set(self, collection: str, doc_id: str, data: Document, merge: bool = False) -> None: ...

    def delete(self, collection: str, doc_id: str) -> None: ...

    def query(
        self,
        collection: str,
        filters: Sequence[Filter] = (),
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
    ) -> Iterator[tuple[str, Document]]: ...

    def insert_new(
        self,
        collection: str,
        docs: Mapping[str, Document],
        counters: Callable[[Mapping[str, Document]], Iterable[Counter]] = lambda new: (),
    ) -> list[str]:
        """In one transaction, write the documents whose id is not stored yet, and add the
        counters computed from just those new documents. Returns the new ids, so a replay of
        the same batch writes and counts nothing."""
        ...


class Cache(Protocol):
    """Bytes under string keys, with optional expiry (Redis's model)."""

    def get(self, key: str) -> bytes | None: ...

    def set(self, key: str, value: bytes, ttl: float | None = None) -> None: ...

    def set_many(self, items: Mapping[str, bytes], ttl: float | None = None) -> None:
        """Write all items at once: a reader sees either none or all of them."""
        ...

    def add(self, key: str, value: bytes, ttl: float | None = None) -> bool:
        """Write only if the key is absent; True when this call wrote it."""
        ...

    def delete(self, key: str) -> None: ...

    def ping(self) -> bool: ...


class BlobStore(Protocol):
    """Named binary objects (Cloud Storage's model, one bucket)."""

    def put(
        self, name: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None: ...

    def get(self, name: str) -> bytes:
        """The object's bytes; raises `NotFound` when there is none."""
        ...

    def download(self, name: str, path: Path) -> None:
        """Stream the object into a file; raises `NotFound` when there is none."""
        ...

    def exists(self, name: str) -> bool: ...

    def list(self, prefix: str = "") -> list[str]:
        """Names under `prefix`, sorted."""
        ...

    def delete(self, name: str) -> None: ...


@dataclass(frozen=True)
class Message:
    """A published event as a subscriber receives it."""

    topic: str
    data: dict[str, Any]
    attributes: Mapping[str, str]
    message_id: str


class EventBus(Protocol):
    """Publishes JSON events to topics (Pub/Sub's model)."""

    def publish(
        self, topic: str, data: Mapping[str, Any], attributes: Mapping[str, str] | None = None
    ) -> str:
        """Publish and return the message id once the bus has accepted the message."""
        ...


@dataclass(frozen=True)
class Task:
    """A unit of work for a named target, delivered at least once."""

    target: str
    payload: dict[str, Any]
    task_id: str | None = None


class TaskQueue(Protocol):
    """Queues HTTP work for a target function (Cloud Tasks' model)."""

    def enqueue(self, task: Task) -> str:
        """Queue the task and return its name. A task id already queued is not queued again."""
        ...
