"""An in-process cache with Redis's expiry semantics."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping


class MemoryCache:
    """A `Cache` held in a dict; an expired key reads as absent, like Redis."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[bytes, float | None]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            return self._live(key)

    def set(self, key: str, value: bytes, ttl: float | None = None) -> None:
        self.set_many({key: value}, ttl)

    def set_many(self, items: Mapping[str, bytes], ttl: float | None = None) -> None:
        expires = time.monotonic() + ttl if ttl is not None else None
        with self._lock:
            for key, value in items.items():
                self._items[key] = (bytes(value), expires)

    def add(self, key: str, value: bytes, ttl: float | None = None) -> bool:
        expires = time.monotonic() + ttl if ttl is not None else None
        with self._lock:
            if self._live(key) is not None:
                return False
            self._items[key] = (bytes(value), expires)
            return True

    def delete(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)

    def ping(self) -> bool:
        return True

    def _live(self, key: str) -> bytes | None:
        item = self._items.get(key)
        if item is None:
            return None
        value, expires = item
        if expires is not None and expires <= time.monotonic():
            del self._items[key]
            return None
        return value
