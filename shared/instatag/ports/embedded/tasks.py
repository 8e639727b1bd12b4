"""An in-process task queue that calls the target's handler on a worker thread."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from instatag import wiring
from instatag.ports.base import Task
from instatag.ports.embedded.dispatch import Dispatcher

Handler = Callable[[dict[str, Any]], Any]


class LocalTaskQueue:
    """A `TaskQueue` delivering each task at least once, named tasks only once."""

    def __init__(self, handlers: Mapping[str, Handler] | None = None) -> None:
        self._handlers = dict(handlers) if handlers is not None else None
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self._dispatcher = Dispatcher("instatag-tasks", self._deliver)

    def enqueue(self, task: Task) -> str:
        name = task.task_id or uuid.uuid4().hex
        with self._lock:
            if name in self._seen:
                return name
            self._seen.add(name)
        self._dispatcher.submit(task)
        return name

    def join(self) -> None:
        """Wait until every queued task has run (or been given up on)."""
        self._dispatcher.join()

    def _deliver(self, task: Task) -> None:
        self._handler(task.target)(task.payload)

    def _handler(self, target: str) -> Handler:
        if self._handlers is not None:
            return self._handlers[target]
        return wiring.resolve(wiring.TASK_TARGETS[target])
