"""What every scrape source offers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from instatag.corpus import Post


class Source(Protocol):
    """Public posts of one category from somewhere: the Graph API, an export file."""

    name: str

    def fetch(self, category: str) -> Iterator[Post]:
        """The category's posts; raises `RateLimited` or `Unavailable` when the source
        cannot answer now."""
        ...
