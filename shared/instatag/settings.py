"""The one typed settings object, read from the environment once per process.

Every variable starts with `INSTATAG_`; nested groups use a double underscore, e.g.
`INSTATAG_TRENDING__TOP_N=15`; lists and mappings are written as JSON. The Google clients also
honour their own variables (`FIRESTORE_EMULATOR_HOST`, `PUBSUB_EMULATOR_HOST`,
`STORAGE_EMULATOR_HOST`), which the settings only read to tell where they point.

The groups are msgspec structs: typed, frozen, and checked against their bounds when read.
msgspec imports in a few milliseconds where pydantic and pydantic-settings took a tenth of a
second, and every function pays that at each cold start.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct, field

from instatag.errors import ConfigError

PREFIX = "INSTATAG_"
NESTED = "__"

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

# The bounds the fields below share.
AtLeast0 = Meta(ge=0)
AtLeast1 = Meta(ge=1)
Above0 = Meta(gt=0)
Share = Meta(ge=0, le=1)
Probability = Meta(gt=0, le=1)


class Secret:
    """A string that never shows itself in logs, reprs or error messages."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


class GoogleSettings(Struct, frozen=True, kw_only=True):
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
    function_urls: dict[str, str] = field(default_factory=dict)


class TagSettings(Struct, frozen=True, kw_only=True):
    """Hashtag recommendation."""

    default_limit: Annotated[int, Meta(ge=1, le=30)] = 15
    max_limit: Annotated[int, Meta(ge=1, le=100)] = 30
    # Size of the recommended set per platform (Instagram currently caps a post at 5).
    platform_sizes: dict[str, int] = field(
        default_factory=lambda: {"instagram": 5, "tiktok": 5, "x": 2, "threads": 1}
    )
    default_platform: str = "instagram"
    # How many of the vision model's top classes seed the hashtags.
    top_concepts: Annotated[int, Meta(ge=1, le=20)] = 5


class ModelSettings(Struct, frozen=True, kw_only=True):
    """Where functions find published models, and how they keep them."""

    prefix: str = "models/"
    cache_dir: Path = Path("/tmp/instatag-models")
    # How often a running instance looks for a newer published model.
    refresh_seconds: Annotated[float, AtLeast0] = 300.0


class CaptionSettings(Struct, frozen=True, kw_only=True):
    """Caption generation."""

    default_count: Annotated[int, Meta(ge=1, le=10)] = 4
    max_count: Annotated[int, Meta(ge=1, le=10)] = 10
    # Words and phrases no caption may contain, on top of `data/blocked_words.txt`.
    blocked_words: tuple[str, ...] = ()
    # How sure the vision model must be to name an object, a kind shared by its top classes,
    # or a category (bench/README.md, "Captions", tells how these were chosen).
    object_score: Annotated[float, Probability] = 0.3
    group_score: Annotated[float, Probability] = 0.6
    category_score: Annotated[float, Probability] = 0.5
    top_concepts: Annotated[int, Meta(ge=1, le=20)] = 5
    # Mining real captions: posts read per query, hashtag queries per photo, how long query
    # results are reused, and at most which share of the options comes from real posts.
    mined_per_query: Annotated[int, Meta(ge=1, le=500)] = 50
    mined_hashtag_queries: Annotated[int, Meta(ge=0, le=10)] = 3
    mined_cache_seconds: Annotated[float, AtLeast0] = 300.0
    # How long a request waits for those queries (later answers serve the next requests), and
    # how long while the store's connection is still opening (the first request of a new
    # instance: its queries rarely make 0.3 s, so at 0 it neither waits nor opens the
    # connection before its answer is written).
    mined_wait_seconds: Annotated[float, AtLeast0] = 0.3
    mined_first_wait_seconds: Annotated[float, AtLeast0] = 0.0
    mined_share: Annotated[float, Share] = 0.5
    engagement_weight: Annotated[float, AtLeast0] = 0.2
    # A cleaned real caption is kept between these sizes.
    min_words: Annotated[int, AtLeast1] = 3
    max_chars: Annotated[int, Meta(ge=20)] = 220
    # Two options whose word sets overlap this much (Jaccard) count as the same.
    duplicate_similarity: Annotated[float, Probability] = 0.6


class TrendingSettings(Struct, frozen=True, kw_only=True):
    """Trending computation and the cache that serves it."""

    top_n: Annotated[int, Meta(ge=1, le=100)] = 15
    cache_ttl_seconds: Annotated[int, Meta(ge=60)] = 6 * 3600
    # Days in the recent window; the trend compares it with the window just before.
    window_days: Annotated[int, Meta(ge=1, le=60)] = 7
    # A day's counts weigh half as much this many days later.
    half_life_days: Annotated[float, Above0] = 3.0
    # Posts a hashtag needs in the recent window to be listed at all.
    min_support: Annotated[int, AtLeast1] = 3
    # Daily counts kept per listed hashtag, for charts.
    history_days: Annotated[int, Meta(ge=1, le=60)] = 7
    # Relative change in a hashtag's share of posts that makes it rising (or, inverted, fading).
    trend_threshold: Annotated[float, Above0] = 0.25


class ScrapeSettings(Struct, frozen=True, kw_only=True):
    """Scraping sources, the Graph API budget, and how tasks prove where they come from."""

    source: Literal["graph", "file"] = "file"
    file_path: Path | None = None
    graph_api_url: str = "https://graph.facebook.com/v21.0"
    graph_user_id: str | None = None
    graph_token: Secret | None = None
    # Hashtags searched for each category; a category not listed searches its own name.
    hashtags: dict[str, list[str]] = field(default_factory=dict)
    request_timeout_seconds: Annotated[float, Above0] = 10.0
    max_pages: Annotated[int, Meta(ge=1, le=20)] = 2
    page_size: Annotated[int, Meta(ge=1, le=50)] = 50
    # The Graph API allows 30 unique hashtags per account in a rolling 7 days.
    hashtag_budget: Annotated[int, Meta(ge=1, le=30)] = 30
    budget_days: Annotated[int, AtLeast1] = 7
    retry_after_seconds: Annotated[int, AtLeast1] = 60
    # Tasks dispatched in the same slot share ids, so a repeated scheduler call adds nothing.
    dispatch_slot_minutes: Annotated[int, Meta(ge=1, le=24 * 60)] = 60
    # None: verify on the google backend, unless tasks come from the Cloud Tasks emulator.
    verify_oidc: bool | None = None
    oidc_audience: str | None = None
    oidc_certs_url: str = "https://www.googleapis.com/oauth2/v1/certs"


class Settings(Struct, frozen=True, kw_only=True):
    """Everything InstaTag reads from its environment."""

    backend: Literal["embedded", "google"] = "embedded"
    data_dir: Path = Path(".instatag")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    max_request_bytes: Annotated[int, Meta(ge=1024)] = 10 * 1024 * 1024
    categories: tuple[str, ...] = DEFAULT_CATEGORIES
    blocked_hashtags: tuple[str, ...] = ()

    google: GoogleSettings = field(default_factory=GoogleSettings)
    tags: TagSettings = field(default_factory=TagSettings)
    models: ModelSettings = field(default_factory=ModelSettings)
    captions: CaptionSettings = field(default_factory=CaptionSettings)
    trending: TrendingSettings = field(default_factory=TrendingSettings)
    scrape: ScrapeSettings = field(default_factory=ScrapeSettings)


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read and validate the environment; a bad value names its variable."""
    values = _nested(os.environ if environ is None else environ)
    try:
        return msgspec.convert(values, Settings, strict=False, dec_hook=_decode)
    except msgspec.ValidationError as exc:
        raise ConfigError(f"invalid settings: {_describe(exc)}") from exc


@functools.cache
def get_settings() -> Settings:
    """The settings of this process, read at first use (cold start) and kept."""
    return load_settings()


def _nested(environ: Mapping[str, str]) -> dict[str, Any]:
    """`INSTATAG_TRENDING__TOP_N=15` -> {"trending": {"top_n": "15"}}, JSON values parsed."""
    values: dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.upper().startswith(PREFIX):
            continue
        *groups, leaf = name[len(PREFIX) :].lower().split(NESTED)
        target = values
        for group in groups:
            target = target.setdefault(group, {})
            if not isinstance(target, dict):
                raise ConfigError(f"{name} sets part of a value that is also given whole")
        target[leaf] = _parsed(name, raw)
    return values


def _parsed(name: str, raw: str) -> Any:
    if not raw.lstrip().startswith(("[", "{")):
        return raw
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}: not valid JSON: {exc}") from exc


def _decode(kind: type, value: Any) -> Any:
    """The types msgspec leaves to the caller: paths and secrets, both given as strings."""
    if kind is Path and isinstance(value, str):
        return Path(value)
    if kind is Secret and isinstance(value, str):
        return Secret(value)
    raise ValueError(f"Expected `str`, got `{type(value).__name__}`")


_LOCATION = re.compile(r"^(?P<problem>.*) - at `\$\.(?P<path>[^`]*)`$")


def _describe(exc: msgspec.ValidationError) -> str:
    """msgspec's "Expected `int` >= 1 - at `$.trending.top_n`" told of its variable."""
    found = _LOCATION.match(str(exc))
    if found is None:
        return str(exc)
    fields = found["path"].split("[")[0].split(".")
    return f"{PREFIX}{NESTED.join(fields).upper()}: {found['problem']}"
