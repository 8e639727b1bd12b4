"""Published models: versioned files in the model bucket, and the cache functions load them from.

`publish` uploads every file to `models/<version>/<file>` and then writes
`models/<version>/manifest.json`, which lists each file with its kind, size and sha256. A
manifest therefore exists only once all of its files do. Versions are UTC timestamps
(`20261203T154500Z`), so the newest sorts last.

A function keeps one `LoadedModel` per kind of model ("tags", "vision", ...). On first use it
finds the newest manifest that has files of that kind, downloads them into the cache directory,
checks their hashes and builds the in-memory model; afterwards it looks for a newer manifest at
most every `refresh_seconds`. A missing or corrupt file raises `Unavailable` naming it, and an
instance that already serves a model keeps serving it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from instatag.errors import BadRequest, InstaTagError, NotFound, Unavailable
from instatag.ports import BlobStore

logger = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
FORMAT = 1
VERSION_FORMAT = "%Y%m%dT%H%M%SZ"
# While no model has loaded yet, failures are retried this often (or at the refresh interval,
# when that is shorter), so an instance started before the first publish picks it up soon.
RETRY_SECONDS = 5.0
CHUNK = 1 << 20

T = TypeVar("T")
Builder = Callable[["Manifest", Mapping[str, Path]], T]


@dataclass(frozen=True)
class ModelFile:
    """One published file: its name inside the version, the kind it belongs to, and its hash."""

    name: str
    kind: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """What one published version holds."""

    version: str
    created: str
    files: tuple[ModelFile, ...]
    corpus_size: int | None = None
    info: Mapping[str, Any] = field(default_factory=dict)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(sorted({f.kind for f in self.files}))

    def files_of(self, kind: str) -> tuple[ModelFile, ...]:
        return tuple(f for f in self.files if f.kind == kind)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "created": self.created,
            "kinds": list(self.kinds),
            "corpus_size": self.corpus_size,
            "files": {
                f.name: {"kind": f.kind, "sha256": f.sha256, "size": f.size} for f in self.files
            },
            "info": dict(self.info),
        }

    @classmethod
    def from_json(cls, data: Any, source: str) -> Manifest:
        """Parse a manifest; anything malformed raises `Unavailable` naming `source`."""
        try:
            files = tuple(
                ModelFile(
                    name=str(name),
                    kind=str(entry["kind"]),
                    sha256=str(entry["sha256"]),
                    size=int(entry["size"]),
                )
                for name, entry in data["files"].items()
            )
            return cls(
                version=str(data["version"]),
                created=str(data["created"]),
                files=files,
                corpus_size=data.get("corpus_size"),
                info=dict(data.get("info") or {}),
            )
        except (TypeError, KeyError, ValueError, AttributeError) as exc:
            raise Unavailable(f"model manifest {source} is malformed: {exc!r}") from exc


def new_version(now: datetime | None = None) -> str:
    """A version name for a model published now: the UTC time, sortable as text."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime(VERSION_FORMAT)


def publish(
    blobs: BlobStore,
    files: Mapping[str, Sequence[Path]],
    *,
    version: str | None = None,
    corpus_size: int | None = None,
    info: Mapping[str, Any] | None = None,
    prefix: str = "models/",
) -> Manifest:
    """Upload files, grouped by kind, as one new version; the manifest goes last."""
    version = version or new_version()
    manifest_name = f"{prefix}{version}/{MANIFEST_NAME}"
    if blobs.exists(manifest_name):
        raise BadRequest(f"model version {version} is already published")
    _check_names(files)

    entries = []
    for kind, paths in files.items():
        for path in paths:
            data = path.read_bytes()
            blobs.put(f"{prefix}{version}/{path.name}", data)
            entries.append(ModelFile(path.name, kind, hashlib.sha256(data).hexdigest(), len(data)))

    manifest = Manifest(
        version=version,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        files=tuple(entries),
        corpus_size=corpus_size,
        info=dict(info or {}),
    )
    body = json.dumps(manifest.to_json(), indent=1, sort_keys=True).encode()
    blobs.put(manifest_name, body, content_type="application/json")
    logger.info("published model version %s (%s)", version, ", ".join(manifest.kinds))
    return manifest


def _check_names(files: Mapping[str, Sequence[Path]]) -> None:
    names = [path.name for paths in files.values() for path in paths]
    if not names:
        raise BadRequest("there are no model files to publish")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated or MANIFEST_NAME in names:
        raise BadRequest(f"model file names must be unique and not {MANIFEST_NAME}: {repeated}")


class ModelStore:
    """Reads published versions from a blob store into a local cache directory."""

    def __init__(
        self,
        blobs: BlobStore,
        cache_dir: Path,
        *,
        prefix: str = "models/",
        refresh_seconds: float = 300.0,
    ) -> None:
        self.blobs = blobs
        self.cache_dir = cache_dir
        self.prefix = prefix
        self.refresh_seconds = refresh_seconds

    def versions(self) -> list[str]:
        """Every published version, newest first."""
        found = []
        for name in self.blobs.list(self.prefix):
            version, _, leaf = name[len(self.prefix) :].partition("/")
            if leaf == MANIFEST_NAME and version:
                found.append(version)
        return sorted(found, reverse=True)

    def manifest(self, version: str) -> Manifest:
        name = f"{self.prefix}{version}/{MANIFEST_NAME}"
        try:
            data = json.loads(self.blobs.get(name))
        except NotFound as exc:
            raise Unavailable(f"model manifest {name} is missing") from exc
        except ValueError as exc:
            raise Unavailable(f"model manifest {name} is not valid JSON") from exc
        return Manifest.from_json(data, name)

    def latest(self, kind: str) -> Manifest:
        """The newest manifest with files of `kind`; `Unavailable` when none is published."""
        for version in self.versions():
            manifest = self.manifest(version)
            if manifest.files_of(kind):
                return manifest
        raise Unavailable(f"no {kind} model is published under {self.prefix!r}")

    def fetch(self, manifest: Manifest, kind: str) -> dict[str, Path]:
        """The verified local copies of the files of `kind`, downloaded when not cached."""
        folder = self.cache_dir / manifest.version
        folder.mkdir(parents=True, exist_ok=True)
        paths = {
            entry.name: self._fetch_file(manifest.version, entry, folder)
            for entry in manifest.files_of(kind)
        }
        self._prune(manifest.version, list(paths))
        return paths

    def _fetch_file(self, version: str, entry: ModelFile, folder: Path) -> Path:
        path = folder / entry.name
        blob = f"{self.prefix}{version}/{entry.name}"
        if path.is_file() and _sha256(path) == entry.sha256:
            return path

        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".partial-")
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            self.blobs.download(blob, tmp)
            digest = _sha256(tmp)
            if digest != entry.sha256:
                raise Unavailable(
                    f"model file {blob} is corrupt: sha256 {digest}, manifest says {entry.sha256}"
                )
            tmp.replace(path)
        except NotFound as exc:
            raise Unavailable(f"model file {blob} is missing") from exc
        finally:
            tmp.unlink(missing_ok=True)
        return path

    def _prune(self, version: str, names: Sequence[str]) -> None:
        """Remove other versions' copies of these files, so one copy of each file remains."""
        for name in names:
            for old in self.cache_dir.glob(f"*/{name}"):
                if old.parent.name != version:
                    old.unlink(missing_ok=True)
        for folder in self.cache_dir.iterdir():
            if folder.is_dir() and folder.name != version and not any(folder.iterdir()):
                folder.rmdir()


class LoadedModel(Generic[T]):
    """One kind of model in memory, built from the newest published version and kept fresh."""

    def __init__(
        self,
        store: ModelStore,
        kind: str,
        build: Builder[T],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.kind = kind
        self._build = build
        self._clock = clock
        self._lock = threading.Lock()
        self._value: T | None = None
        self._version: str | None = None
        self._error: Unavailable | None = None
        self._next_check = 0.0

    @property
    def version(self) -> str | None:
        return self._version

    def get(self) -> T:
        """The model; raises `Unavailable` only while no version has ever loaded."""
        with self._lock:
            now = self._clock()
            if now < self._next_check:
                return self._current()
            try:
                self._refresh()
            except Exception as exc:
                self._failed(exc, now)
            else:
                self._next_check = now + self.store.refresh_seconds
            return self._current()

    def _current(self) -> T:
        if self._value is None:
            raise self._error or Unavailable(f"the {self.kind} model is not loaded")
        return self._value

    def _refresh(self) -> None:
        manifest = self.store.latest(self.kind)
        if manifest.version == self._version:
            return
        paths = self.store.fetch(manifest, self.kind)
        try:
            value = self._build(manifest, paths)
        except InstaTagError:
            raise
        except Exception as exc:
            raise Unavailable(
                f"the {self.kind} model {manifest.version} cannot be loaded: {exc!r}"
            ) from exc
        self._value, self._version, self._error = value, manifest.version, None
        logger.info("loaded %s model %s", self.kind, manifest.version)

    def _failed(self, exc: Exception, now: float) -> None:
        error = exc if isinstance(exc, Unavailable) else None
        if error is None:
            error = Unavailable(f"the {self.kind} model cannot be loaded: {exc}")
            error.__cause__ = exc
        if self._value is None:
            self._error = error
            self._next_check = now + min(RETRY_SECONDS, self.store.refresh_seconds)
            logger.warning("no %s model: %s", self.kind, error)
        else:
            self._next_check = now + self.store.refresh_seconds
            logger.warning("keeping %s model %s: %s", self.kind, self._version, error)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
