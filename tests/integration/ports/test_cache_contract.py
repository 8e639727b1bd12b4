"""The Cache contract, run unchanged in process and on a real Redis server."""

from __future__ import annotations

import time

import pytest
from instatag.ports import Cache
from instatag.ports.embedded.cache import MemoryCache


@pytest.fixture(params=["embedded", "google"])
def cache(request: pytest.FixtureRequest, unique: str) -> Cache:
    if request.param == "embedded":
        return MemoryCache()

    url = request.getfixturevalue("redis_url")
    from instatag.ports.google.cache import RedisCache

    return RedisCache.from_url(url, prefix=f"contract-{unique}:")


class TestCacheContract:
    def test_a_missing_key_reads_as_none(self, cache: Cache) -> None:
        assert cache.get("nope") is None

    def test_set_then_get_returns_the_bytes(self, cache: Cache) -> None:
        cache.set("k", b"\x00value\xff")
        assert cache.get("k") == b"\x00value\xff"

        cache.set("k", b"newer")
        assert cache.get("k") == b"newer"

    def test_an_expired_key_reads_as_none(self, cache: Cache) -> None:
        cache.set("short", b"v", ttl=0.2)
        cache.set("long", b"v", ttl=60)
        assert cache.get("short") == b"v"

        time.sleep(0.35)
        assert cache.get("short") is None
        assert cache.get("long") == b"v"

    def test_set_many_writes_every_item(self, cache: Cache) -> None:
        cache.set_many({"a": b"1", "b": b"2"}, ttl=60)
        assert (cache.get("a"), cache.get("b")) == (b"1", b"2")

    def test_add_writes_only_when_absent(self, cache: Cache) -> None:
        assert cache.add("once", b"first", ttl=60) is True
        assert cache.add("once", b"second", ttl=60) is False
        assert cache.get("once") == b"first"

    def test_add_succeeds_again_after_expiry(self, cache: Cache) -> None:
        assert cache.add("lease", b"1", ttl=0.2) is True
        time.sleep(0.35)
        assert cache.add("lease", b"2", ttl=60) is True

    def test_delete_removes_and_tolerates_missing(self, cache: Cache) -> None:
        cache.set("k", b"v")
        cache.delete("k")
        cache.delete("never-there")
        assert cache.get("k") is None

    def test_ping_answers(self, cache: Cache) -> None:
        assert cache.ping() is True
