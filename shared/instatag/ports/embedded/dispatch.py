"""A background thread that delivers work at least once, retrying failures with backoff."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from instatag.errors import RateLimited

logger = logging.getLogger(__name__)


class Dispatcher:
    """Calls `deliver(item)` for each submitted item on one worker thread.

    A failed delivery is retried up to `max_attempts` times with exponential backoff, like the
    retry policies of Pub/Sub and Cloud Tasks; after that it is logged and dropped.
    """

    def __init__(
        self,
        name: str,
        deliver: Callable[[Any], None],
        max_attempts: int = 5,
        backoff: float = 0.5,
    ) -> None:
        self._deliver = deliver
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._queue: queue.Queue[tuple[Any, int]] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, item: Any) -> None:
        self._queue.put((item, 1))

    def join(self) -> None:
        """Block until every submitted item is delivered or dropped."""
        self._queue.join()

    def _run(self) -> None:
        while True:
            item, attempt = self._queue.get()
            try:
                self._deliver(item)
            except Exception as exc:
                self._retry(item, attempt, exc)
            finally:
                self._queue.task_done()

    def _retry(self, item: Any, attempt: int, exc: Exception) -> None:
        if attempt >= self._max_attempts:
            logger.error("dropped after %d attempts: %r", attempt, item, exc_info=exc)
            return

        delay = self._backoff * 2 ** (attempt - 1)
        if isinstance(exc, RateLimited) and exc.retry_after:
            delay = max(delay, exc.retry_after)
        logger.warning("delivery failed (attempt %d), retrying in %.1fs: %s", attempt, delay, exc)

        time.sleep(delay)
        self._queue.put((item, attempt + 1))
