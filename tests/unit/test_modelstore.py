"""Publishing model versions to a blob store and loading the newest one into a cache."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest
from instatag.errors import BadRequest, Unavailable
from instatag.modelstore import LoadedModel, Manifest, ModelStore, new_version, publish
from instatag.ports.embedded.blobs import DirectoryBlobStore


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def blobs(tmp_path: Path) -> DirectoryBlobStore:
    return DirectoryBlobStore(tmp_path / "bucket")


@pytest.fixture
def store(blobs: DirectoryBlobStore, tmp_path: Path) -> ModelStore:
    return ModelStore(blobs, tmp_path / "cache", refresh_seconds=60.0)


def files(tmp_path: Path, contents: Mapping[str, str]) -> list[Path]:
    """Write the files of one build into a fresh folder."""
    folder = tmp_path / "build" / str(len(list(tmp_path.glob("build/*"))))
    folder.mkdir(parents=True)
    for name, text in contents.items():
        (folder / name).write_text(text)
    return [folder / name for name in contents]


def read_texts(manifest: Manifest, paths: Mapping[str, Path]) -> dict[str, str]:
    return {name: path.read_text() for name, path in paths.items()} | {"@": manifest.version}


def test_a_version_is_the_utc_time_and_sorts_by_age() -> None:
    earlier = new_version(datetime(2026, 12, 3, 9, 5, 0, tzinfo=UTC))
    later = new_version(datetime(2026, 12, 3, 15, 45, 0, tzinfo=UTC))

    assert earlier == "20261203T090500Z"
    assert sorted([later, earlier]) == [earlier, later]


def test_publish_writes_every_file_then_a_manifest_with_hashes(
    blobs: DirectoryBlobStore, tmp_path: Path
) -> None:
    paths = files(tmp_path, {"tags.json": '{"a": 1}', "other.json": "[]"})

    manifest = publish(blobs, {"tags": paths}, version="20260101T000000Z", corpus_size=12)

    stored = json.loads(blobs.get("models/20260101T000000Z/manifest.json"))
    assert stored["version"] == "20260101T000000Z"
    assert stored["corpus_size"] == 12
    assert stored["kinds"] == ["tags"]
    assert stored["files"]["tags.json"] == {
        "kind": "tags",
        "sha256": hashlib.sha256(b'{"a": 1}').hexdigest(),
        "size": 8,
    }
    assert blobs.get("models/20260101T000000Z/other.json") == b"[]"
    assert manifest.kinds == ("tags",)


def test_publishing_the_same_version_twice_is_refused(
    blobs: DirectoryBlobStore, tmp_path: Path
) -> None:
    publish(blobs, {"tags": files(tmp_path, {"a.json": "1"})}, version="20260101T000000Z")

    with pytest.raises(BadRequest, match="already published"):
        publish(blobs, {"tags": files(tmp_path, {"a.json": "2"})}, version="20260101T000000Z")


def test_the_newest_manifest_with_the_kind_is_loaded(
    store: ModelStore, blobs: DirectoryBlobStore, tmp_path: Path
) -> None:
    publish(blobs, {"tags": files(tmp_path, {"t.json": "old"})}, version="20260101T000000Z")
    publish(blobs, {"tags": files(tmp_path, {"t.json": "new"})}, version="20260102T000000Z")
    publish(blobs, {"vision": files(tmp_path, {"v.json": "eye"})}, version="20260103T000000Z")

    tags = LoadedModel(store, "tags", read_texts).get()
    vision = LoadedModel(store, "vision", read_texts).get()

    assert tags == {"t.json": "new", "@": "20260102T000000Z"}
    assert vision == {"v.json": "eye", "@": "20260103T000000Z"}


def test_nothing_published_is_unavailable_naming_the_kind(store: ModelStore) -> None:
    with pytest.raises(Unavailable, match="no tags model is published"):
        LoadedModel(store, "tags", read_texts).get()


def test_a_corrupt_file_is_unavailable_naming_it(
    store: ModelStore, blobs: DirectoryBlobStore, tmp_path: Path
) -> None:
    publish(blobs, {"tags": files(tmp_path, {"t.json": "good"})}, version="20260101T000000Z")
    blobs.put("models/20260101T000000Z/t.json", b"tampered")

    with pytest.raises(Unavailable, match=r"models/20260101T000000Z/t\.json is corrupt"):
        LoadedModel(store, "tags", read_texts).get()
    assert not list(store.cache_dir.rglob("t.json"))


def test_a_missing_file_is_unavailable_naming_it(
    store: ModelStore, blobs: DirectoryBlobStore, tmp_path: Path
) -> None:
    publish(blobs, {"tags": files(tmp_path, {"t.json": "good"})}, version="20260101T000000Z")
    blobs.delete("models/20260101T000000Z/t.json")

    with pytest.raises(Unavailable, match=r"models/20260101T000000Z/t\.json is missing"):
        LoadedModel(store, "tags", read_texts).get()


def test_a_malformed_manifest_is_unavailable_naming_it(
    store: ModelStore, blobs: DirectoryBlobStore
) -> None:
    blobs.put("models/20260101T000000Z/manifest.json", b"{not json")

    with pytest.raises(Unavailable, match=r"20260101T000000Z/manifest\.json is not valid JSON"):
        LoadedModel(store, "tags", read_texts).get()


def test_a_newer_version_is_picked_up_after_the_refresh_interval(
    store: ModelStore, blobs: DirectoryBlobStore, tmp_path: Path
) -> None:
    clock = Clock()
    model = LoadedModel(store, "tags", read_texts, clock=clock)
    publish(blobs, {"tags": files(tmp_path, {"t.json": "one"})}, version="20260101T000000Z")
    assert model.get()["t.json"] == "one"

    publish(blobs, {"tags": files(tmp_path, {"t.json": "two"})}, version="20260102T000000Z")
    clock.now += 59
    assert model.get()["t.json"] == "one"
    clock.now += 2
    assert model.get()["t.json"] == "two"
    assert model.version == "20260102T000000Z"


def test_one_copy_of_each_file_is_kept_in_the_cache(
    store: ModelStore, blobs: DirectoryBlobStore, tmp_path: Path
) -> None:
    clock = Clock()
    model = LoadedModel(store, "tags", read_texts, clock=clock)
    publish(blobs, {"tags": files(tmp_path, {"t.json": "one"})}, version="20260101T000000Z")
    model.get()
    publish(blobs, {"tags": files(tmp_path, {"t.json": "two"})}, version="20260102T000000Z")
    clock.now += 61
    model.get()

    copies = list(store.cache_dir.rglob("t.json"))
    assert [p.relative_to(store.cache_dir).as_posix() for p in copies] == [
        "20260102T000000Z/t.json"
    ]
    assert not (store.cache_dir / "20260101T000000Z").exists()


def test_a_broken_newer_version_keeps_the_last_good_model_serving(
    store: ModelStore, blobs: DirectoryBlobStore, tmp_path: Path
) -> None:
    clock = Clock()
    model = LoadedModel(store, "tags", read_texts, clock=clock)
    publish(blobs, {"tags": files(tmp_path, {"t.json": "good"})}, version="20260101T000000Z")
    model.get()
    publish(blobs, {"tags": files(tmp_path, {"t.json": "next"})}, version="20260102T000000Z")
    blobs.put("models/20260102T000000Z/t.json", b"tampered")
    clock.now += 61

    assert model.get() == {"t.json": "good", "@": "20260101T000000Z"}
    assert (store.cache_dir / "20260101T000000Z" / "t.json").read_text() == "good"


def test_a_model_that_fails_to_build_is_unavailable_and_retried_later(
    store: ModelStore, blobs: DirectoryBlobStore, tmp_path: Path
) -> None:
    clock = Clock()
    attempts: list[str] = []

    def fragile(manifest: Manifest, paths: Mapping[str, Path]) -> str:
        attempts.append(manifest.version)
        if len(attempts) == 1:
            raise ValueError("bad array shape")
        return "built"

    model = LoadedModel(store, "tags", fragile, clock=clock)
    publish(blobs, {"tags": files(tmp_path, {"t.json": "x"})}, version="20260101T000000Z")

    with pytest.raises(Unavailable, match="bad array shape"):
        model.get()
    with pytest.raises(Unavailable, match="bad array shape"):
        model.get()
    clock.now += 6
    assert model.get() == "built"
    assert attempts == ["20260101T000000Z", "20260101T000000Z"]


def test_cached_files_that_still_match_are_not_downloaded_again(
    store: ModelStore, blobs: DirectoryBlobStore, tmp_path: Path
) -> None:
    publish(blobs, {"tags": files(tmp_path, {"t.json": "same"})}, version="20260101T000000Z")
    LoadedModel(store, "tags", read_texts).get()
    blobs.delete("models/20260101T000000Z/t.json")

    fresh_instance = LoadedModel(store, "tags", read_texts)

    assert fresh_instance.get()["t.json"] == "same"
