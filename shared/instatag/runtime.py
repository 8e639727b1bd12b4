"""The ports of this process, built once on first use from the settings.

`INSTATAG_BACKEND=embedded` (the default) keeps everything in this process and under the data
directory; `google` talks to Firestore, Redis, Cloud Storage, Pub/Sub and Cloud Tasks (or their
emulators, through the clients' usual `*_EMULATOR_HOST` variables).
"""

from __future__ import annotations

import functools

from instatag.ports import BlobStore, Cache, DocumentStore, EventBus, TaskQueue
from instatag.settings import Settings, get_settings


@functools.cache
def documents() -> DocumentStore:
    settings = get_settings()
    if settings.backend == "google":
        from instatag.ports.google.documents import FirestoreDocumentStore

        return FirestoreDocumentStore(settings.google.project, settings.google.firestore_database)

    from instatag.ports.embedded.documents import SqliteDocumentStore

    return SqliteDocumentStore(settings.data_dir / "documents.sqlite3")


@functools.cache
def cache() -> Cache:
    settings = get_settings()
    if settings.backend == "google":
        from instatag.ports.google.cache import RedisCache

        return RedisCache.from_url(settings.google.redis_url, settings.google.redis_prefix)

    from instatag.ports.embedded.cache import MemoryCache

    return MemoryCache()


@functools.cache
def blobs() -> BlobStore:
    settings = get_settings()
    if settings.backend == "google":
        from instatag.ports.google.blobs import CloudStorageBlobStore

        return CloudStorageBlobStore(settings.google.project, settings.google.model_bucket)

    from instatag.ports.embedded.blobs import DirectoryBlobStore

    return DirectoryBlobStore(settings.data_dir / "blobs")


@functools.cache
def events() -> EventBus:
    settings = get_settings()
    if settings.backend == "google":
        from instatag.ports.google.events import PubSubEventBus

        return PubSubEventBus(settings.google.project)

    from instatag.ports.embedded.events import LocalEventBus

    return LocalEventBus(settings.google.project)


@functools.cache
def tasks() -> TaskQueue:
    settings = get_settings()
    if settings.backend == "google":
        from instatag.ports.google.tasks import CloudTasksQueue

        return CloudTasksQueue(settings.google)

    from instatag.ports.embedded.tasks import LocalTaskQueue

    return LocalTaskQueue()


def drain() -> None:
    """Wait for in-process deliveries of events and tasks, so a short command loses none."""
    for port in (events, tasks):
        if port.cache_info().currsize:
            join = getattr(port(), "join", None)
            if join is not None:
                join()


def settings() -> Settings:
    return get_settings()


def reset() -> None:
    """Forget the settings and every port, so the next use reads the environment anew."""
    for factory in (documents, cache, blobs, events, tasks, get_settings):
        factory.cache_clear()
