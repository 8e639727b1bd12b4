"""Blobs as files in a directory, written atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from instatag.errors import BadRequest, NotFound


class DirectoryBlobStore:
    """A `BlobStore` whose object names are paths below one directory."""

    def __init__(self, root: Path) -> None:
        self._root = root.resolve()
        self._root.mkdir(parents=True, exist_ok=True)

    def put(self, name: str, data: bytes, content_type: str = "application/octet-stream") -> None:
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        Path(tmp).replace(path)

    def get(self, name: str) -> bytes:
        try:
            return self._path(name).read_bytes()
        except (FileNotFoundError, IsADirectoryError) as exc:
            raise NotFound(f"no blob named {name!r}") from exc

    def download(self, name: str, path: Path) -> None:
        source = self._path(name)
        if not source.is_file():
            raise NotFound(f"no blob named {name!r}")
        shutil.copyfile(source, path)

    def exists(self, name: str) -> bool:
        return self._path(name).is_file()

    def list(self, prefix: str = "") -> list[str]:
        names = (
            path.relative_to(self._root).as_posix()
            for path in self._root.rglob("*")
            if path.is_file() and not path.name.startswith(".partial-")
        )
        return sorted(name for name in names if name.startswith(prefix))

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)

    def _path(self, name: str) -> Path:
        path = (self._root / name).resolve()
        if not name or not path.is_relative_to(self._root) or path == self._root:
            raise BadRequest(f"blob name {name!r} is not a path inside the store")
        return path
