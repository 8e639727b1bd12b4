"""One scrape task, and the dispatch that queues one task per category.

A task fetches a category's posts from a source and stores them through `save_posts`, which
counts only posts new to the store and announces `corpus-updated` once: a task delivered twice
changes nothing the second time.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from instatag.corpus import Post, save_posts
from instatag.errors import BadRequest, ConfigError, RateLimited, Unavailable
from instatag.ports import DocumentStore, EventBus, Task, TaskQueue
from instatag.scrape.base import Source
from instatag.scrape.budget import HashtagBudget
from instatag.scrape.files import FileSource
from instatag.scrape.graph import GraphApiSource
from instatag.settings import Settings
from instatag.trending.service import normalise_category

logger = logging.getLogger(__name__)

SOURCES = ("graph", "file")
WORKER = "scrape_worker"

_TASK_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class ScrapeTask:
    """What one task scrapes: `{"category": "food"}`, optionally with `"source": "graph"`.

    Without a source the worker uses its own `INSTATAG_SCRAPE__SOURCE`, so the dispatcher need
    not be configured like the worker.
    """

    category: str
    source: str | None = None

    @classmethod
    def from_payload(cls, payload: Any, settings: Settings) -> ScrapeTask:
        """The task in a payload, or a 400 naming what is wrong with it."""
        if not isinstance(payload, dict):
            raise BadRequest("a scrape task is a JSON object with a `category`")
        category, source = payload.get("category"), payload.get("source")
        if not isinstance(category, str) or not category.strip():
            raise BadRequest("`category` must be a non-empty string")
        if source is not None and source not in SOURCES:
            raise BadRequest(f"`source` must be one of {', '.join(SOURCES)}, not {source!r}")

        task = cls(normalise_category(category), source)
        if task.source_in(settings) == "graph" and task.category not in settings.categories:
            # Searching a name nobody configured would spend the hashtag budget.
            raise BadRequest(f"category {task.category!r} is not configured for the Graph API")
        return task

    def source_in(self, settings: Settings) -> str:
        """The source this task runs with under these settings."""
        return self.source or settings.scrape.source

    def payload(self) -> dict[str, Any]:
        return {"category": self.category, **({"source": self.source} if self.source else {})}


@dataclass(frozen=True)
class ScrapeResult:
    category: str
    source: str
    fetched: int
    new: int
    seen: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def scrape(
    task: ScrapeTask, source: Source, documents: DocumentStore, events: EventBus
) -> ScrapeResult:
    """Fetch and store one category's posts.

    When the source stops (rate limit, outage) the posts fetched so far are stored before the
    error propagates, so the retry starts with less to do.
    """
    posts: list[Post] = []
    try:
        posts.extend(source.fetch(task.category))
    except (RateLimited, Unavailable) as exc:
        if posts:
            saved = save_posts(posts, documents, events)
            logger.info("kept %d new posts before the source stopped: %s", saved.new, exc)
        raise

    saved = save_posts(posts, documents, events)
    logger.info(
        "scraped %s from %s: %d posts, %d new", task.category, source.name, len(posts), saved.new
    )
    return ScrapeResult(task.category, source.name, len(posts), saved.new, saved.seen)


def make_source(
    name: str, settings: Settings, documents: DocumentStore, file_path: Path | None = None
) -> Source:
    """The configured source called `name`; a missing setting is a `ConfigError`."""
    scrape_settings = settings.scrape
    if name == "file":
        path = file_path or scrape_settings.file_path
        if path is None:
            raise ConfigError("the file source needs INSTATAG_SCRAPE__FILE_PATH (a .jsonl export)")
        return FileSource(path)

    user_id, token = scrape_settings.graph_user_id, scrape_settings.graph_token
    if not user_id or token is None:
        raise ConfigError(
            "the graph source needs INSTATAG_SCRAPE__GRAPH_USER_ID and "
            "INSTATAG_SCRAPE__GRAPH_TOKEN"
        )
    budget = HashtagBudget(
        documents, user_id, scrape_settings.hashtag_budget, scrape_settings.budget_days
    )
    return GraphApiSource(
        scrape_settings.graph_api_url,
        user_id,
        token.get_secret_value(),
        budget,
        hashtags=scrape_settings.hashtags,
        timeout=scrape_settings.request_timeout_seconds,
        max_pages=scrape_settings.max_pages,
        page_size=scrape_settings.page_size,
        retry_after=scrape_settings.retry_after_seconds,
    )


def dispatch(tasks: Sequence[ScrapeTask], queue: TaskQueue, slot: str) -> dict[str, str]:
    """Queue each task under an id fixed by its category, source and slot, so a repeated call
    in the same slot adds nothing. Returns each category's task name."""
    return {
        task.category: queue.enqueue(
            Task(WORKER, task.payload(), task_id(task.category, task.source, slot))
        )
        for task in tasks
    }


def schedule_slot(now: datetime, minutes: int) -> str:
    """The slot `now` falls in, e.g. `202612031500` for 15:00-15:59 with 60-minute slots."""
    moment = now.astimezone(UTC)
    start = (moment.hour * 60 + moment.minute) // minutes * minutes
    return f"{moment:%Y%m%d}{start // 60:02d}{start % 60:02d}"


def task_id(category: str, source: str | None, slot: str) -> str:
    """`scrape-food-202612031500` (`scrape-food-graph-...` when the source is named); a
    category Cloud Tasks would refuse in a name gets a hash instead."""
    safe = _TASK_ID_UNSAFE.sub("_", category)
    if safe != category:
        safe += "_" + hashlib.sha256(category.encode()).hexdigest()[:8]
    return "-".join(filter(None, ("scrape", safe, source, slot)))
