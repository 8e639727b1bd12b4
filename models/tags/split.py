"""Split a posts file into a training part and a held-out test part, the same way every time.

    python -m models.tags.split POSTS.jsonl OUT_DIR [--test-percent 20]

A post goes to the test part when sha256 of its shortcode falls in the first `test-percent`
of 100 buckets, so the split depends on nothing but the posts themselves. Lines are copied
unchanged into OUT_DIR/train.jsonl and OUT_DIR/test.jsonl.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

TEST_PERCENT = 20


def bucket(key: str, salt: str = "") -> int:
    """A stable bucket in 0..99 for a post id."""
    return int(hashlib.sha256((salt + key).encode()).hexdigest(), 16) % 100


def split(lines: Iterable[str], test_percent: int = TEST_PERCENT) -> tuple[list[str], list[str]]:
    train: list[str] = []
    test: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        key = str(record.get("shortcode") or record.get("id"))
        (test if bucket(key) < test_percent else train).append(line.rstrip("\n") + "\n")
    return train, test


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--test-percent", type=int, default=TEST_PERCENT)
    args = parser.parse_args(argv)

    with args.posts.open(encoding="utf-8") as lines:
        train, test = split(lines, args.test_percent)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "train.jsonl").write_text("".join(train), encoding="utf-8")
    (args.out_dir / "test.jsonl").write_text("".join(test), encoding="utf-8")
    print(f"{len(train)} training posts, {len(test)} test posts in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
