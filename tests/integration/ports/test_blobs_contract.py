"""The BlobStore contract, run unchanged on a directory and on the Cloud Storage emulator."""

from __future__ import annotations

from pathlib import Path

import pytest
from instatag.errors import NotFound
from instatag.ports import BlobStore
from instatag.ports.embedded.blobs import DirectoryBlobStore


@pytest.fixture(params=["embedded", "google"])
def blobs(request: pytest.FixtureRequest, tmp_path: Path, unique: str) -> BlobStore:
    if request.param == "embedded":
        return DirectoryBlobStore(tmp_path / "blobs")

    request.getfixturevalue("storage_emulator")
    from google.auth.credentials import AnonymousCredentials
    from google.cloud.storage import Client
    from instatag.ports.google.blobs import CloudStorageBlobStore

    bucket = f"contract-{unique}"
    Client(project="instatag-test", credentials=AnonymousCredentials()).create_bucket(bucket)
    return CloudStorageBlobStore("instatag-test", bucket)


class TestBlobStoreContract:
    def test_put_then_get_returns_the_bytes(self, blobs: BlobStore) -> None:
        data = bytes(range(256)) * 100
        blobs.put("models/v1/vision.onnx", data)

        assert blobs.get("models/v1/vision.onnx") == data
        assert blobs.exists("models/v1/vision.onnx")

    def test_put_replaces(self, blobs: BlobStore) -> None:
        blobs.put("a.json", b"old", content_type="application/json")
        blobs.put("a.json", b"new", content_type="application/json")
        assert blobs.get("a.json") == b"new"

    def test_a_missing_blob_raises_not_found(self, blobs: BlobStore, tmp_path: Path) -> None:
        assert not blobs.exists("missing")
        with pytest.raises(NotFound, match="missing"):
            blobs.get("missing")
        with pytest.raises(NotFound, match="missing"):
            blobs.download("missing", tmp_path / "out")
        assert not (tmp_path / "out").exists()

    def test_download_writes_the_file(self, blobs: BlobStore, tmp_path: Path) -> None:
        blobs.put("models/v1/tags.npz", b"factors")
        blobs.download("models/v1/tags.npz", tmp_path / "tags.npz")
        assert (tmp_path / "tags.npz").read_bytes() == b"factors"

    def test_list_returns_sorted_names_under_a_prefix(self, blobs: BlobStore) -> None:
        for name in ["models/2/b", "models/1/a", "other/c", "models/1/b"]:
            blobs.put(name, b"x")

        assert blobs.list("models/") == ["models/1/a", "models/1/b", "models/2/b"]
        assert blobs.list() == ["models/1/a", "models/1/b", "models/2/b", "other/c"]

    def test_delete_removes_and_tolerates_missing(self, blobs: BlobStore) -> None:
        blobs.put("a", b"x")
        blobs.delete("a")
        blobs.delete("never-there")
        assert not blobs.exists("a")
