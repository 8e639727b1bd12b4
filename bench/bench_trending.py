"""Trending: cached answers against answers computed from the store, and what a sync reads.

    .venv/bin/python bench/bench_trending.py                       # embedded: SQLite + memory
    .venv/bin/python bench/bench_trending.py --backend google      # Firestore emulator + Redis

For each corpus size it stores synthetic posts (12 categories, 30 days, Zipf-distributed
hashtags) through `save_posts`, runs one sync through a store that counts the documents it
hands back, then times `GET /trending?category=...` through the function: answered from the
cache, and answered from the store with the cache down. Results go to `bench/.out/`.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from msgspec.structs import replace

# Run as a script: the repository root holds the tests' helpers.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support import CountingStore, DownCache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / ".out"
CATEGORIES = (
    "food", "travel", "wedding", "fitness", "fashion", "animals",
    "nature", "art", "beauty", "music", "sports", "photography",
)  # fmt: skip
DAYS = 30
VOCABULARY = 2000
TAGS_PER_POST = 8


class NullBus:
    def publish(self, topic: str, data: Any, attributes: Any = None) -> str:
        return "bench"


def synthetic_posts(count: int, now: datetime, seed: int = 7) -> Iterator[Any]:
    from instatag.corpus import Post

    rng = random.Random(seed)
    weights = [1 / rank for rank in range(1, VOCABULARY + 1)]
    for number in range(count):
        category = CATEGORIES[number % len(CATEGORIES)]
        tags = {f"{category}{i}" for i in rng.choices(range(VOCABULARY), weights, k=TAGS_PER_POST)}
        taken = now - timedelta(days=rng.randrange(DAYS), minutes=rng.randrange(1440))
        yield Post(f"bench{number:07d}", category, tuple(sorted(tags)), taken_at=taken.isoformat())


def timed(call: Any, repeats: int) -> dict[str, float]:
    call()  # warm-up
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 3),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 3),
    }


def run_size(posts: int, repeats: int, unique: str) -> dict[str, Any]:
    from instatag import runtime
    from instatag import trending as service
    from instatag.corpus import save_posts
    from instatag.server import create_app

    runtime.reset()
    if runtime.settings().backend == "google":
        os.environ["INSTATAG_GOOGLE__PROJECT"] = f"bench-{unique}-{posts}"
        os.environ["INSTATAG_GOOGLE__REDIS_PREFIX"] = f"bench-{unique}-{posts}:"
        runtime.reset()
    store, cache, settings = runtime.documents(), runtime.cache(), runtime.settings()

    now = datetime.now(UTC)
    start = time.perf_counter()
    save_posts(synthetic_posts(posts, now), store, NullBus())
    stored_s = time.perf_counter() - start

    reads = {}
    for window in (7, 14):
        counting = CountingStore(store)
        wide = replace(settings, trending=replace(settings.trending, window_days=window))
        service.sync(counting, cache, wide, now=now)
        reads[f"window_{window}d"] = dict(counting.reads)
    service.sync(store, cache, settings)

    client = create_app().test_client()

    def get() -> None:
        response = client.get("/trending?category=food")
        assert response.status_code == 200, response.text

    cached = timed(get, repeats)
    assert client.get("/trending?category=food").json["source"] == "cache"
    real_cache = runtime.cache
    runtime.cache = functools.cache(DownCache)  # type: ignore[method-assign,assignment]
    try:
        from_store = timed(get, repeats)
        assert client.get("/trending?category=food").json["source"] == "store"
    finally:
        runtime.cache = real_cache  # type: ignore[method-assign]

    return {
        "posts": posts,
        "store_seconds": round(stored_s, 1),
        "sync_reads": reads,
        "cached": cached,
        "store": from_store,
        "speedup_median": round(from_store["median_ms"] / cached["median_ms"], 1),
    }


def start_google(stack: ExitStack, log_dir: Path) -> None:
    from instatag import localstack

    firestore = localstack.firestore(log_dir).start()
    stack.callback(firestore.stop)
    redis = localstack.redis(log_dir).start()
    stack.callback(redis.stop)
    os.environ.update(
        {
            "INSTATAG_BACKEND": "google",
            "FIRESTORE_EMULATOR_HOST": firestore.host,
            "INSTATAG_GOOGLE__REDIS_URL": f"redis://{redis.host}/0",
        }
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("embedded", "google"), default="embedded")
    parser.add_argument("--posts", type=int, nargs="+", default=None)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    sizes = args.posts or ([10_000, 100_000] if args.backend == "embedded" else [10_000])

    os.environ["INSTATAG_LOG_LEVEL"] = "ERROR"
    results = []
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        os.environ["INSTATAG_DATA_DIR"] = tmp
        if args.backend == "google":
            start_google(stack, Path(tmp) / "logs")
        from instatag.logs import configure

        configure("ERROR", "bench")
        unique = datetime.now(UTC).strftime("%H%M%S")
        for size in sizes:
            os.environ["INSTATAG_DATA_DIR"] = str(Path(tmp) / f"data-{size}")
            result = run_size(size, args.repeats, unique)
            results.append(result)
            print(json.dumps(result))

    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"trending-{args.backend}.json"
    target.write_text(json.dumps(results, indent=2) + "\n")
    print(f"written to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
