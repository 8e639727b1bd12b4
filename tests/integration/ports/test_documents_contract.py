"""The DocumentStore contract, run unchanged on SQLite and on the Firestore emulator."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from instatag.ports import Counter, Document, DocumentStore, Filter
from instatag.ports.embedded.documents import SqliteDocumentStore


@pytest.fixture(params=["embedded", "google"])
def store(request: pytest.FixtureRequest, tmp_path: Path, unique: str) -> DocumentStore:
    if request.param == "embedded":
        return SqliteDocumentStore(tmp_path / "documents.sqlite3")

    request.getfixturevalue("firestore_emulator")
    from instatag.ports.google.documents import FirestoreDocumentStore

    # The emulator keeps each project's data apart, so a fresh project is an empty database.
    return FirestoreDocumentStore(project=f"contract-{unique}")


def tag_counter(new: Mapping[str, Document]) -> list[Counter]:
    counts: dict[str, int] = {}
    for doc in new.values():
        for tag in doc["tags"]:
            counts[tag] = counts.get(tag, 0) + 1
    fields = {"category": "food"}
    return [Counter("counters", "food", counts=counts, totals={"posts": len(new)}, fields=fields)]


class TestDocumentStoreContract:
    def test_a_missing_document_reads_as_none(self, store: DocumentStore) -> None:
        assert store.get("posts", "nope") is None
        assert store.get_many("posts", ["nope", "neither"]) == {}

    def test_set_then_get_round_trips_json_values(self, store: DocumentStore) -> None:
        doc = {
            "s": "café ☕",
            "i": 3,
            "f": 1.5,
            "b": True,
            "n": None,
            "l": [1, "a"],
            "m": {"k": 1},
        }
        store.set("posts", "p1", doc)

        assert store.get("posts", "p1") == doc

    def test_set_replaces_and_merge_updates_nested_maps(self, store: DocumentStore) -> None:
        store.set("posts", "p1", {"a": 1, "m": {"x": 1, "y": 2}})
        store.set("posts", "p1", {"m": {"y": 3, "z": 4}}, merge=True)
        assert store.get("posts", "p1") == {"a": 1, "m": {"x": 1, "y": 3, "z": 4}}

        store.set("posts", "p1", {"b": 2})
        assert store.get("posts", "p1") == {"b": 2}

    def test_get_many_returns_only_existing_ids(self, store: DocumentStore) -> None:
        store.set("posts", "a", {"v": 1})
        store.set("posts", "b", {"v": 2})
        store.set("other", "c", {"v": 3})

        assert store.get_many("posts", ["a", "b", "c"]) == {"a": {"v": 1}, "b": {"v": 2}}

    def test_delete_removes_and_tolerates_missing(self, store: DocumentStore) -> None:
        store.set("posts", "a", {"v": 1})
        store.delete("posts", "a")
        store.delete("posts", "never-there")

        assert store.get("posts", "a") is None

    def test_query_filters_orders_and_limits(self, store: DocumentStore) -> None:
        rows = {
            "a": {"category": "food", "likes": 5, "tags": ["pizza", "cheese"]},
            "b": {"category": "food", "likes": 50, "tags": ["ramen"]},
            "c": {"category": "travel", "likes": 20, "tags": ["beach", "pizza"]},
            "d": {"category": "food", "tags": ["pizza"]},
        }
        for doc_id, doc in rows.items():
            store.set("posts", doc_id, doc)

        def ids(*filters: Filter, **options: object) -> list[str]:
            return [doc_id for doc_id, _ in store.query("posts", filters, **options)]  # type: ignore[arg-type]

        assert sorted(ids(Filter("category", "==", "food"))) == ["a", "b", "d"]
        assert sorted(ids(Filter("likes", ">=", 20))) == ["b", "c"]
        assert sorted(ids(Filter("likes", "<", 20))) == ["a"]
        assert sorted(ids(Filter("category", "in", ["travel", "art"]))) == ["c"]
        assert sorted(ids(Filter("tags", "array_contains", "pizza"))) == ["a", "c", "d"]
        assert ids(order_by="likes", descending=True) == ["b", "c", "a"]
        assert ids(order_by="likes", limit=2) == ["a", "c"]

    def test_query_returns_documents_with_their_ids(self, store: DocumentStore) -> None:
        store.set("posts", "a", {"likes": 1})

        assert list(store.query("posts")) == [("a", {"likes": 1})]

    def test_insert_new_writes_and_counts_only_new_documents(self, store: DocumentStore) -> None:
        first = {"p1": {"tags": ["pizza", "café"]}, "p2": {"tags": ["pizza"]}}
        assert sorted(store.insert_new("posts", first, tag_counter)) == ["p1", "p2"]

        second = {"p2": {"tags": ["changed"]}, "p3": {"tags": ["日本", "pizza"]}}
        assert store.insert_new("posts", second, tag_counter) == ["p3"]

        assert store.get("posts", "p2") == {"tags": ["pizza"]}
        assert store.get("counters", "food") == {
            "category": "food",
            "posts": 3,
            "counts": {"pizza": 3, "café": 1, "日本": 1},
        }

    def test_insert_new_replayed_changes_nothing(self, store: DocumentStore) -> None:
        batch = {"p1": {"tags": ["pizza"]}}
        store.insert_new("posts", batch, tag_counter)
        before = store.get("counters", "food")

        assert store.insert_new("posts", batch, tag_counter) == []
        assert store.get("counters", "food") == before
