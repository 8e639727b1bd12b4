"""The one typed settings object, read from the environment once per process.

Every variable starts with `INSTATAG_`; nested groups use a double underscore, e.g.
`INSTATAG_TRENDING__TOP_N=15`. The Google clients also honour their own variables
(`FIRESTORE_EMULATOR_HOST`, `PUBSUB_EMULATOR_HOST`, `STORAGE_EMULATOR_HOST`), which the settings
only read to tell where they point.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from instatag.errors import ConfigError

DEFAULT_CATEGORIES = (
    "food",
    "travel",
    "wedding",
    "fitness",
    "fashion",
    "animals",
    "nature",
    "art",
    "beauty",
    "music",
    "sports",
    "photography",
)


class GoogleSettings(BaseModel):
    """Where the Google-backed ports find their resources."""

    project: str = "instatag-local"
    region: str = "us-central1"
    firestore_database: str = "(default)"
    model_bucket: str = "instatag-models"
    redis_url: str = "redis://127.0.0.1:6379/0"
    redis_prefix: str = "instatag:"
    tasks_queue: str = "scrape"
    tasks_emulator_host: str | None = None
    # OIDC identity Cloud Tasks signs its calls with, and the URL each task target answers on.
    tasks_service_account: str | None = None
    function_urls: dict[str, str] = Field(default_factory=dict)


class TagSettings(BaseModel):
    """Hashtag recommendation."""

    default_limit: int = Field(default=15, ge=1, le=30)
    max_limit: int = Field(default=30, ge=1, le=100)
    # Size of the recommended set per platform (Instagram currently caps a post at 5).
    platform_sizes: dict[str, int] = Field(
        default_factory=lambda: {"instagram": 5, "tiktok": 5, "x": 2, "threads": 1}
    )
    default_platform: str = "instagram"
    # How many of the vision model's top classes seed the hashtags.
    top_concepts: int = Field(default=5, ge=1, le=20)


class ModelSettings(BaseModel):
    """Where functions find published models, and how they keep them."""

    prefix: str = "models/"
    cache_dir: Path = Path("/tmp/instatag-models")
    # How often a running instance looks for a newer published model.
    refresh_seconds: float = Field(default=300.0, ge=0)


class CaptionSettings(BaseModel):
    """Caption generation."""

    default_count: int = Field(default=4, ge=1, le=10)
    max_count: int = Field(default=10, ge=1, le=10)
    # Words and phrases no caption may contain, on top of `data/blocked_words.txt`.
    blocked_words: tuple[str, ...] = ()
    # How sure the vision model must be to name an object, a kind shared by its top classes,
    # or a category (bench/README.md, "Captions", tells how these were chosen).
    object_score: float = Field(default=0.3, gt=0, le=1)
    group_score: float = Field(default=0.6, gt=0, le=1)
    category_score: float = Field(default=0.5, gt=0, le=1)
    top_concepts: int = Field(default=5, ge=1, le=20)
    # Mining real captions: posts read per query, hashtag queries per photo, how long query
    # results are reused, and at most which share of the options comes from real posts.
    mined_per_query: int = Field(default=50, ge=1, le=500)
    mined_hashtag_queries: int = Field(default=3, ge=0, le=10)
    mined_cache_seconds: float = Field(default=300.0, ge=0)
    # How long a request waits for those queries (later answers serve the next requests), and
    # how long while the store's connection is still opening (the first request of a new
    # instance: its queries rarely make 0.3 s, so at 0 it neither waits nor opens the
    # connection before its answer is written).
    mined_wait_seconds: float = Field(default=0.3, ge=0)
    mined_first_wait_seconds: float = Field(default=0.0, ge=0)
    mined_share: float = Field(default=0.5, ge=0, le=1)
    engagement_weight: float = Field(default=0.2, ge=0)
    # A cleaned real caption is kept between these sizes.
    min_words: int = Field(default=3, ge=1)
    max_chars: int = Field(default=220, ge=20)
    # Two options whose word sets overlap this much (Jaccard) count as the same.
    duplicate_similarity: float = Field(default=0.6, gt=0, le=1)


class TrendingSettings(BaseModel):
    """Trending computation and the cache that serves it."""

    top_n: int = Field(default=15, ge=1, le=100)
    cache_ttl_seconds: int = Field(default=6 * 3600, ge=60)
    # Days in the recent window; the trend compares it with the window just before.
    window_days: int = Field(default=7, ge=1, le=60)
    # A day's counts weigh half as much this many days later.
    half_life_days: float = Field(default=3.0, gt=0)
    # Posts a hashtag needs in the recent window to be listed at all.
    min_support: int = Field(default=3, ge=1)
    # Daily counts kept per listed hashtag, for charts.
    history_days: int = Field(default=7, ge=1, le=60)
    # Relative change in a hashtag's share of posts that makes it rising (or, inverted, fading).
    trend_threshold: float = Field(default=0.25, gt=0)


class ScrapeSettings(BaseModel):
    """Scraping sources, the Graph API budget, and how tasks prove where they come from."""

    source: Literal["graph", "file"] = "file"
    file_path: Path | None = None
    graph_api_url: str = "https://graph.facebook.com/v21.0"
    graph_user_id: str | None = None
    graph_token: SecretStr | None = None
    # Hashtags searched for each category; a category not listed searches its own name.
    hashtags: dict[str, list[str]] = Field(default_factory=dict)
    request_timeout_seconds: float = Field(default=10.0, gt=0)
    max_pages: int = Field(default=2, ge=1, le=20)
    page_size: int = Field(default=50, ge=1, le=50)
    # The Graph API allows 30 unique hashtags per account in a rolling 7 days.
    hashtag_budget: int = Field(default=30, ge=1, le=30)
    budget_days: int = Field(default=7, ge=1)
    retry_after_seconds: int = Field(default=60, ge=1)
    # Tasks dispatched in the same slot share ids, so a repeated scheduler call adds nothing.
    dispatch_slot_minutes: int = Field(default=60, ge=1, le=24 * 60)
    # None: verify on the google backend, unless tasks come from the Cloud Tasks emulator.
    verify_oidc: bool | None = None
    oidc_audience: str | None = None
    oidc_certs_url: str = "https://www.googleapis.com/oauth2/v1/certs"


class Settings(BaseSettings):
    """Everything InstaTag reads from its environment."""

    model_config = SettingsConfigDict(
        env_prefix="INSTATAG_", env_nested_delimiter="__", extra="ignore", frozen=True
    )

    backend: Literal["embedded", "google"] = "embedded"
    data_dir: Path = Path(".instatag")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    max_request_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    categories: tuple[str, ...] = DEFAULT_CATEGORIES
    blocked_hashtags: tuple[str, ...] = ()

    google: GoogleSettings = Field(default_factory=GoogleSettings)
    tags: TagSettings = Field(default_factory=TagSettings)
    models: ModelSettings = Field(default_factory=ModelSettings)
    captions: CaptionSettings = Field(default_factory=CaptionSettings)
    trending: TrendingSettings = Field(default_factory=TrendingSettings)
    scrape: ScrapeSettings = Field(default_factory=ScrapeSettings)


def load_settings() -> Settings:
    """Read and validate the environment; a bad value names its variable."""
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from exc


@functools.cache
def get_settings() -> Settings:
    """The settings of this process, read at first use (cold start) and kept."""
    return load_settings()


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        path = "__".join(str(part) for part in error["loc"]).upper()
        problems.append(f"INSTATAG_{path}: {error['msg']}")
    return "invalid settings: " + "; ".join(problems)
