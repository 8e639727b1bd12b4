"""Ports: the interfaces InstaTag reaches storage, cache, blobs, events and tasks through."""

from instatag.ports.base import (
    BlobStore,
    Cache,
    Counter,
    Document,
    DocumentStore,
    EventBus,
    Filter,
    Message,
    Task,
    TaskQueue,
)

__all__ = [
    "BlobStore",
    "Cache",
    "Counter",
    "Document",
    "DocumentStore",
    "EventBus",
    "Filter",
    "Message",
    "Task",
    "TaskQueue",
]
