"""Documents in Firestore."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from google.api_core import exceptions as google_errors
from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter

from instatag.errors import Unavailable
from instatag.ports.base import Counter, Document, Filter

_RETRYABLE = (google_errors.ServiceUnavailable, google_errors.DeadlineExceeded)


class FirestoreDocumentStore:
    """A `DocumentStore` on one Firestore database."""

    def __init__(self, project: str, database: str = "(default)") -> None:
        self._client = firestore.Client(project=project, database=database)

    def get(self, collection: str, doc_id: str) -> Document | None:
        snapshot = self._call(self._client.collection(collection).document(doc_id).get)
        return snapshot.to_dict() if snapshot.exists else None

    def get_many(self, collection: str, doc_ids: Sequence[str]) -> dict[str, Document]:
        refs = [self._client.collection(collection).document(doc_id) for doc_id in doc_ids]
        snapshots = self._call(lambda: list(self._client.get_all(refs))) if refs else []
        return {snap.id: snap.to_dict() for snap in snapshots if snap.exists}

    def set(self, collection: str, doc_id: str, data: Document, merge: bool = False) -> None:
        ref = self._client.collection(collection).document(doc_id)
        self._call(lambda: ref.set(data, merge=merge))

    def delete(self, collection: str, doc_id: str) -> None:
        self._call(self._client.collection(collection).document(doc_id).delete)

    def query(
        self,
        collection: str,
        filters: Sequence[Filter] = (),
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
    ) -> Iterator[tuple[str, Document]]:
        query: Any = self._client.collection(collection)
        for item in filters:
            query = query.where(filter=FieldFilter(item.field, item.op, item.value))
        if order_by:
            direction = firestore.Query.DESCENDING if descending else firestore.Query.ASCENDING
            query = query.order_by(order_by, direction=direction)
        if limit is not None:
            query = query.limit(limit)

        try:
            for snapshot in query.stream():
                yield snapshot.id, snapshot.to_dict()
        except _RETRYABLE as exc:
            raise Unavailable(f"Firestore did not answer: {exc}") from exc

    def insert_new(
        self,
        collection: str,
        docs: Mapping[str, Document],
        counters: Callable[[Mapping[str, Document]], Iterable[Counter]] = lambda new: (),
    ) -> list[str]:
        refs = {doc_id: self._client.collection(collection).document(doc_id) for doc_id in docs}

        @firestore.transactional
        def write(transaction: firestore.Transaction) -> list[str]:
            snapshots = self._client.get_all(list(refs.values()), transaction=transaction)
            stored = {snapshot.id for snapshot in snapshots if snapshot.exists}
            new = {doc_id: doc for doc_id, doc in docs.items() if doc_id not in stored}

            for doc_id, doc in new.items():
                transaction.create(refs[doc_id], doc)
            for counter in counters(new):
                transaction.set(self._counter_ref(counter), _increments(counter), merge=True)
            return list(new)

        if not docs:
            return []
        result: list[str] = self._call(lambda: write(self._client.transaction()))
        return result

    def _counter_ref(self, counter: Counter) -> Any:
        return self._client.collection(counter.collection).document(counter.doc_id)

    @staticmethod
    def _call(operation: Callable[[], Any]) -> Any:
        try:
            return operation()
        except _RETRYABLE as exc:
            raise Unavailable(f"Firestore did not answer: {exc}") from exc


def _increments(counter: Counter) -> Document:
    update: Document = dict(counter.fields)
    update.update({key: firestore.Increment(n) for key, n in counter.totals.items()})
    if counter.counts:
        update["counts"] = {key: firestore.Increment(n) for key, n in counter.counts.items()}
    return update
