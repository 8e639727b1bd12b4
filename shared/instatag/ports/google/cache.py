"""The cache in Redis (Memorystore in production)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

import redis

from instatag.errors import Unavailable

T = TypeVar("T")


class RedisCache:
    """A `Cache` on a Redis server; an unreachable server raises `Unavailable` quickly.

    Every key is stored under `prefix`, so several environments can share one instance.
    """

    def __init__(self, client: redis.Redis, prefix: str = "instatag:") -> None:
        self._redis = client
        self._prefix = prefix

    @classmethod
    def from_url(cls, url: str, prefix: str = "instatag:", timeout: float = 1.0) -> RedisCache:
        client = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout, health_check_interval=30
        )
        return cls(client, prefix)

    def get(self, key: str) -> bytes | None:
        value = self._call(lambda: self._redis.get(self._prefix + key))
        return value if isinstance(value, bytes) else None

    def set(self, key: str, value: bytes, ttl: float | None = None) -> None:
        self.set_many({key: value}, ttl)

    def set_many(self, items: Mapping[str, bytes], ttl: float | None = None) -> None:
        def write() -> None:
            with self._redis.pipeline(transaction=True) as pipe:
                for key, value in items.items():
                    pipe.set(self._prefix + key, value, px=_millis(ttl))
                pipe.execute()

        self._call(write)

    def add(self, key: str, value: bytes, ttl: float | None = None) -> bool:
        written = self._call(
            lambda: self._redis.set(self._prefix + key, value, px=_millis(ttl), nx=True)
        )
        return bool(written)

    def delete(self, key: str) -> None:
        self._call(lambda: self._redis.delete(self._prefix + key))

    def ping(self) -> bool:
        try:
            return bool(self._redis.ping())
        except redis.RedisError:
            return False

    @staticmethod
    def _call(operation: Callable[[], T]) -> T:
        try:
            return operation()
        except redis.RedisError as exc:
            raise Unavailable(f"Redis did not answer: {exc}") from exc


def _millis(ttl: float | None) -> int | None:
    return max(1, int(ttl * 1000)) if ttl is not None else None
