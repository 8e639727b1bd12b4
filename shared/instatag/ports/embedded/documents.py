"""Documents in one SQLite file, each stored as JSON and queried with SQLite's JSON functions."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from instatag.ports.base import Counter, Document, Filter

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (collection, id)
) WITHOUT ROWID
"""

_COMPARISONS = {"==": "=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


class SqliteDocumentStore:
    """A `DocumentStore` in a single SQLite file, safe to share between threads."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)

    def get(self, collection: str, doc_id: str) -> Document | None:
        return self.get_many(collection, [doc_id]).get(doc_id)

    def get_many(self, collection: str, doc_ids: Sequence[str]) -> dict[str, Document]:
        found: dict[str, Document] = {}
        with self._lock:
            for start in range(0, len(doc_ids), 500):
                chunk = list(doc_ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT id, data FROM documents WHERE collection = ? AND id IN ({marks})",
                    [collection, *chunk],
                )
                found.update((row[0], json.loads(row[1])) for row in rows)
        return found

    def set(self, collection: str, doc_id: str, data: Document, merge: bool = False) -> None:
        with self._lock, self._transaction():
            self._write(collection, doc_id, data, merge)

    def delete(self, collection: str, doc_id: str) -> None:
        with self._lock:
            self._db.execute(
                "DELETE FROM documents WHERE collection = ? AND id = ?", (collection, doc_id)
            )

    def query(
        self,
        collection: str,
        filters: Sequence[Filter] = (),
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
    ) -> Iterator[tuple[str, Document]]:
        sql, params = _select(collection, filters, order_by, descending, limit)
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        for doc_id, data in rows:
            yield doc_id, json.loads(data)

    def insert_new(
        self,
        collection: str,
        docs: Mapping[str, Document],
        counters: Callable[[Mapping[str, Document]], Iterable[Counter]] = lambda new: (),
    ) -> list[str]:
        with self._lock, self._transaction():
            existing = self.get_many(collection, list(docs))
            new = {doc_id: doc for doc_id, doc in docs.items() if doc_id not in existing}
            for doc_id, doc in new.items():
                self._write(collection, doc_id, doc, merge=False)
            for counter in counters(new):
                self._add(counter)
        return list(new)

    def _add(self, counter: Counter) -> None:
        current = self.get(counter.collection, counter.doc_id) or {}
        counts = dict(current.get("counts", {}))
        for key, amount in counter.counts.items():
            counts[key] = counts.get(key, 0) + amount
        totals = {key: current.get(key, 0) + amount for key, amount in counter.totals.items()}

        update = {**counter.fields, **totals, "counts": counts}
        self._write(counter.collection, counter.doc_id, update, merge=True)

    def _write(self, collection: str, doc_id: str, data: Document, merge: bool) -> None:
        if merge:
            data = _merge(self.get(collection, doc_id) or {}, data)
        self._db.execute(
            "INSERT OR REPLACE INTO documents (collection, id, data) VALUES (?, ?, ?)",
            (collection, doc_id, json.dumps(data, ensure_ascii=False)),
        )

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN/COMMIT around a block, nested blocks joining the outer one."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._outer = False

    def __enter__(self) -> None:
        if not self._db.in_transaction:
            self._db.execute("BEGIN IMMEDIATE")
            self._outer = True

    def __exit__(self, exc_type: object, *_: object) -> None:
        if self._outer:
            self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def _merge(old: Document, new: Document) -> Document:
    """Firestore's `merge=True`: nested maps merge key by key, anything else is replaced."""
    merged = dict(old)
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _select(
    collection: str,
    filters: Sequence[Filter],
    order_by: str | None,
    descending: bool,
    limit: int | None,
) -> tuple[str, list[Any]]:
    clauses: list[str] = ["collection = ?"]
    params: list[Any] = [collection]
    for item in filters:
        clause, values = _condition(item)
        clauses.append(clause)
        params.extend(values)

    sql = "SELECT id, data FROM documents WHERE " + " AND ".join(clauses)
    if order_by:
        # Like Firestore, ordering by a field leaves out documents that lack it.
        sql += " AND json_type(data, ?) IS NOT NULL ORDER BY json_extract(data, ?) "
        sql += "DESC" if descending else "ASC"
        params += [_path(order_by), _path(order_by)]
    else:
        sql += " ORDER BY id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return sql, params


def _condition(item: Filter) -> tuple[str, list[Any]]:
    path = _path(item.field)
    if item.op == "in":
        values = list(item.value)
        return f"json_extract(data, ?) IN ({','.join('?' * len(values))})", [path, *values]
    if item.op == "array_contains":
        return "EXISTS (SELECT 1 FROM json_each(data, ?) WHERE value = ?)", [path, item.value]
    return f"json_extract(data, ?) {_COMPARISONS[item.op]} ?", [path, item.value]


def _path(field: str) -> str:
    return "$." + ".".join(f'"{part}"' for part in field.split("."))
