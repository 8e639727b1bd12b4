"""The Graph API source against a local fake with the real response shapes and failures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from instatag.errors import RateLimited, Unavailable
from instatag.ports.embedded.documents import SqliteDocumentStore
from instatag.scrape import GraphApiSource, HashtagBudget
from instatag.scrape.budget import BUDGET

from tests.fakes.graph_api import FakeGraphApi


@pytest.fixture
def api() -> Iterator[FakeGraphApi]:
    with FakeGraphApi() as fake:
        yield fake


@pytest.fixture
def store(tmp_path: Path) -> SqliteDocumentStore:
    return SqliteDocumentStore(tmp_path / "docs.sqlite3")


def source(api: FakeGraphApi, store: SqliteDocumentStore, **options: Any) -> GraphApiSource:
    budget = HashtagBudget(store, api.user_id, limit=options.pop("limit", 30))
    options = {"timeout": 0.3, "page_size": 50, "max_pages": 3, **options}
    return GraphApiSource(api.url, api.user_id, api.token, budget, **options)


def test_posts_come_from_top_and_recent_media_across_pages(
    api: FakeGraphApi, store: SqliteDocumentStore
) -> None:
    top = api.make_media(120, "Carbonara night #Pasta #homemade", "2026-12-01T19:30:00+0000")
    recent = api.make_media(7, "lunch #pasta")
    api.add_hashtag("pasta", top=top, recent=recent)

    posts = list(source(api, store).fetch("pasta"))

    assert len(posts) == 127
    assert len(api.requests_to("top_media")) == 3
    first = posts[0]
    assert first.id == "C" + top[0]["id"][-10:] + "x"
    assert first.category == "pasta"
    assert first.hashtags == ("pasta", "homemade")
    assert first.taken_at == "2026-12-01T19:30:00+00:00"
    assert first.day == "2026-12-01"
    assert first.likes == top[0]["like_count"]
    assert first.source == "graph"
    assert first.extra == {"media_id": top[0]["id"], "media_type": "IMAGE", "edge": "top_media"}


def test_pages_stop_at_the_configured_maximum(
    api: FakeGraphApi, store: SqliteDocumentStore
) -> None:
    api.add_hashtag("pasta", top=api.make_media(120, "#pasta"))

    posts = list(source(api, store, max_pages=2).fetch("pasta"))

    assert len(posts) == 100
    assert len(api.requests_to("top_media")) == 2


def test_a_post_seen_on_both_edges_is_yielded_once(
    api: FakeGraphApi, store: SqliteDocumentStore
) -> None:
    media = api.make_media(3, "#pasta")
    api.add_hashtag("pasta", top=media, recent=media)

    assert len(list(source(api, store).fetch("pasta"))) == 3


def test_the_token_travels_only_in_the_authorization_header(
    api: FakeGraphApi, store: SqliteDocumentStore
) -> None:
    api.add_hashtag("pasta", top=api.make_media(60, "#pasta"))

    list(source(api, store).fetch("pasta"))

    assert api.seen
    assert all(seen.authorization == f"Bearer {api.token}" for seen in api.seen)
    assert all("access_token" not in seen.params for seen in api.seen)


def test_configured_hashtags_are_searched_once_and_their_ids_kept(
    api: FakeGraphApi, store: SqliteDocumentStore
) -> None:
    api.add_hashtag("pasta", top=api.make_media(2, "#pasta"))
    api.add_hashtag("pizza", top=api.make_media(2, "#pizza"))
    hashtags = {"food": ["#Pasta", "pizza", "pasta"]}

    first = list(source(api, store, hashtags=hashtags).fetch("food"))
    second = list(source(api, store, hashtags=hashtags).fetch("food"))

    assert len(first) == len(second) == 4
    assert api.searched() == ["pasta", "pizza"]
    assert {p.category for p in first} == {"food"}


def test_the_budget_never_lets_more_than_thirty_hashtags_be_searched_in_a_week(
    api: FakeGraphApi, store: SqliteDocumentStore
) -> None:
    names = [f"tag{i:02d}" for i in range(33)]
    for name in names:
        api.add_hashtag(name, recent=api.make_media(1, f"#{name}"))

    posts = list(source(api, store, hashtags={"food": names}).fetch("food"))

    assert api.searched() == names[:30]
    assert len(posts) == 30
    assert HashtagBudget(store, api.user_id).used() == 30


def test_a_hashtag_counts_for_seven_days_from_its_first_query() -> None:
    store = SqliteDocumentStore(Path(":memory:"))
    budget = HashtagBudget(store, "u1", limit=2, days=7)
    start = datetime(2026, 12, 1, tzinfo=UTC)

    first = budget.claim("pasta", start)
    assert first is not None
    assert budget.claim("pizza", start + timedelta(days=1)) is not None
    assert budget.claim("sushi", start + timedelta(days=2)) is None
    # Querying again within the week is free and does not restart the clock.
    again = budget.claim("pasta", start + timedelta(days=6))
    assert again is not None and again.since == first.since
    # A week after pasta's first query its place is free again.
    assert budget.claim("sushi", start + timedelta(days=7, seconds=1)) is not None
    assert budget.claim("pasta", start + timedelta(days=7, seconds=2)) is None


def test_each_account_has_its_own_budget(store: SqliteDocumentStore) -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    HashtagBudget(store, "u1", limit=1).claim("pasta", now)

    assert HashtagBudget(store, "u2", limit=1).claim("pizza", now) is not None
    assert {doc["user_id"] for _, doc in store.query(BUDGET)} == {"u1", "u2"}


def test_an_unknown_hashtag_is_skipped_and_the_others_still_read(
    api: FakeGraphApi, store: SqliteDocumentStore
) -> None:
    api.add_hashtag("pasta", top=api.make_media(2, "#pasta"))

    posts = list(source(api, store, hashtags={"food": ["nosuchtag", "pasta"]}).fetch("food"))

    assert len(posts) == 2


@pytest.mark.parametrize("code", [4, 17, 32, 613])
def test_graph_rate_limit_codes_raise_rate_limited(
    api: FakeGraphApi, store: SqliteDocumentStore, code: int
) -> None:
    api.add_hashtag("pasta", top=api.make_media(2, "#pasta"))
    api.fail("rate_limit", path="top_media", code=code)

    with pytest.raises(RateLimited, match=f"code {code}") as caught:
        list(source(api, store, retry_after=45).fetch("pasta"))
    assert caught.value.retry_after == 45


def test_retry_after_comes_from_the_header_or_the_usage_header(
    api: FakeGraphApi, store: SqliteDocumentStore
) -> None:
    api.add_hashtag("pasta", top=api.make_media(2, "#pasta"))
    api.fail("too_many_requests", path="top_media", retry_after=7)
    api.fail("rate_limit", path="top_media", code=4, regain_minutes=3)

    with pytest.raises(RateLimited) as by_header:
        list(source(api, store).fetch("pasta"))
    with pytest.raises(RateLimited) as by_usage:
        list(source(api, store).fetch("pasta"))

    assert by_header.value.retry_after == 7
    assert by_usage.value.retry_after == 180


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("server_error", "500 code 2"),
        ("slow", "took over 0.3s"),
        ("malformed", "without JSON"),
        ("html", "502 without a Graph error"),
        ("bad_token", "code 190"),
    ],
)
def test_outages_and_broken_answers_raise_unavailable(
    api: FakeGraphApi, store: SqliteDocumentStore, kind: Any, message: str
) -> None:
    api.add_hashtag("pasta", top=api.make_media(2, "#pasta"))
    api.fail(kind, path="top_media")

    with pytest.raises(Unavailable, match=message) as caught:
        list(source(api, store).fetch("pasta"))
    assert api.token not in str(caught.value)


def test_unusable_media_objects_are_skipped(api: FakeGraphApi, store: SqliteDocumentStore) -> None:
    good = api.make_media(2, "#pasta")
    broken = [{"caption": "no id"}, {**good[0], "id": "99", "timestamp": "yesterday"}]
    api.add_hashtag("pasta", top=[*broken, *good])

    posts = list(source(api, store).fetch("pasta"))

    assert [p.extra["media_id"] for p in posts] == [good[0]["id"], good[1]["id"]]
