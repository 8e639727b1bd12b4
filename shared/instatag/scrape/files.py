"""Posts from a JSON-lines export (the import format), for bootstrapping the corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from instatag.corpus import Post, read_jsonl
from instatag.errors import NotFound


class FileSource:
    """A scrape source reading one `.jsonl` file; each category takes its own posts."""

    name = "file"

    def __init__(self, path: Path) -> None:
        self._path = path

    def fetch(self, category: str) -> Iterator[Post]:
        return (post for post in self._posts() if post.category == category)

    def categories(self) -> list[str]:
        """Every category the file has posts for."""
        return sorted({post.category for post in self._posts()})

    def _posts(self) -> Iterator[Post]:
        if not self._path.is_file():
            raise NotFound(f"no export file at {self._path}")
        with self._path.open(encoding="utf-8") as lines:
            yield from read_jsonl(lines, source=self.name)
