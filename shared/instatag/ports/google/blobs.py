"""Blobs in one Cloud Storage bucket."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from google.api_core import exceptions as google_errors
from google.cloud.storage import Client as StorageClient

from instatag.errors import NotFound, Unavailable


class CloudStorageBlobStore:
    """A `BlobStore` on a bucket; the bucket itself is made by Terraform (or `instatag up`)."""

    def __init__(self, project: str, bucket: str) -> None:
        # With STORAGE_EMULATOR_HOST set, the client itself talks to the emulator anonymously.
        self._client = StorageClient(project=project)
        self._bucket = self._client.bucket(bucket)

    def put(self, name: str, data: bytes, content_type: str = "application/octet-stream") -> None:
        blob = self._bucket.blob(name)
        self._call(name, lambda: blob.upload_from_string(data, content_type=content_type))

    def get(self, name: str) -> bytes:
        data: bytes = self._call(name, self._bucket.blob(name).download_as_bytes)
        return data

    def download(self, name: str, path: Path) -> None:
        partial = path.with_name(path.name + ".partial")
        try:
            self._call(name, lambda: self._bucket.blob(name).download_to_filename(str(partial)))
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)

    def exists(self, name: str) -> bool:
        return bool(self._call(name, self._bucket.blob(name).exists))

    def list(self, prefix: str = "") -> list[str]:
        blobs = self._call(
            prefix, lambda: list(self._client.list_blobs(self._bucket, prefix=prefix))
        )
        return sorted(blob.name for blob in blobs)

    def delete(self, name: str) -> None:
        with contextlib.suppress(NotFound):
            self._call(name, self._bucket.blob(name).delete)

    def _call(self, name: str, operation: Any) -> Any:
        try:
            return operation()
        except google_errors.NotFound as exc:
            raise NotFound(f"no blob named {name!r} in bucket {self._bucket.name}") from exc
        except (google_errors.GoogleAPIError, OSError) as exc:
            raise Unavailable(f"Cloud Storage failed on {name!r}: {exc}") from exc
