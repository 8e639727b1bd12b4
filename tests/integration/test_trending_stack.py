"""The trending pipeline through `instatag up`'s stack, as production wires it.

Cloud Scheduler's call to `scrape_dispatch` queues tasks on the Cloud Tasks emulator, which
posts them to `scrape_worker`; the worker reads the fake Graph API and fills the Firestore
emulator; `corpus-updated` goes through the Pub/Sub emulator to `sync_cache`, which fills
Redis; `trending` answers from Redis, and from Firestore once Redis is stopped.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
import requests
from instatag import localstack
from instatag.corpus import POSTS
from instatag.ports.google.documents import FirestoreDocumentStore
from instatag.stack import Stack, StackConfig, environment

from tests.conftest import ROOT, unavailable
from tests.fakes.graph_api import FakeGraphApi

T = TypeVar("T")


@pytest.fixture(scope="module")
def graph() -> Iterator[FakeGraphApi]:
    with FakeGraphApi() as api:
        api.add_hashtag("pasta", top=api.make_media(60, "#pasta #dinner #homemade"))
        api.add_hashtag("pizza", recent=api.make_media(20, "#pizza #dinner"))
        api.add_hashtag("travel", top=api.make_media(30, "#travel #beach"))
        yield api


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, graph: FakeGraphApi) -> Iterator[Stack]:
    if localstack.missing_tools():
        unavailable("this machine lacks " + ", ".join(localstack.missing_tools()))
    if not (ROOT / localstack.TASKS_EMULATOR_VENV).exists():
        unavailable("the Cloud Tasks emulator is not installed (run `make tasks-emulator`)")

    scrape_env = {
        "INSTATAG_CATEGORIES": json.dumps(["food", "travel"]),
        "INSTATAG_SCRAPE__SOURCE": "graph",
        "INSTATAG_SCRAPE__GRAPH_API_URL": graph.url,
        "INSTATAG_SCRAPE__GRAPH_USER_ID": graph.user_id,
        "INSTATAG_SCRAPE__GRAPH_TOKEN": graph.token,
        "INSTATAG_SCRAPE__HASHTAGS": json.dumps({"food": ["pasta", "pizza"]}),
    }
    config = StackConfig(
        project="instatag-trending-test",
        functions_dir=ROOT / "functions",
        log_dir=tmp_path_factory.mktemp("trending-stack-logs"),
        tasks_venv=ROOT / localstack.TASKS_EMULATOR_VENV,
        base_port=None,
        # A Redis of its own, so that the test can stop it.
        reuse_redis=False,
    )
    with pytest.MonkeyPatch.context() as patch:
        for key, value in scrape_env.items():
            patch.setenv(key, value)
        stack = Stack(config).start()
    yield stack
    stack.stop()


def eventually(check: Callable[[], T | None], timeout: float = 60.0) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"nothing after {timeout:.0f}s")


def trending(stack: Stack, query: str) -> requests.Response:
    return requests.get(f"{stack.url('trending')}{query}", timeout=30)


def test_a_scheduled_scrape_reaches_trending_through_the_emulators(
    stack: Stack, graph: FakeGraphApi
) -> None:
    dispatched = requests.post(stack.url("scrape_dispatch"), json={}, timeout=30)
    assert dispatched.status_code == 200, dispatched.text
    assert set(dispatched.json()["tasks"]) == {"food", "travel"}

    with environment(stack.env):
        firestore = FirestoreDocumentStore(stack.config.project)
        stored = eventually(lambda: len(list(firestore.query(POSTS))) == 110)
    assert stored

    def cached_food() -> dict[str, Any] | None:
        body: dict[str, Any] = trending(stack, "?category=food").json()
        return body if body.get("source") == "cache" and len(body["tags"]) == 4 else None

    food = eventually(cached_food)
    # 80 posts carry #dinner; #homemade and #pasta tie at 60 and go by name.
    assert [t["tag"] for t in food["tags"]] == ["dinner", "homemade", "pasta", "pizza"]
    assert food["tags"][0]["count"] == 80
    assert sorted(graph.searched()) == ["pasta", "pizza", "travel"]

    listed = trending(stack, "/categories").json()
    assert listed["source"] == "cache"
    assert {c["category"] for c in listed["categories"]} == {"food", "travel"}


def test_with_redis_stopped_trending_answers_from_firestore(stack: Stack) -> None:
    eventually(lambda: trending(stack, "?category=travel").json().get("source") == "cache")

    stack.services["redis"].stop()
    response = trending(stack, "?category=travel")

    assert response.status_code == 200
    body = response.json()
    assert body["source"] == "store"
    assert [t["tag"] for t in body["tags"]] == ["beach", "travel"]
    assert trending(stack, "/categories").json()["source"] == "store"
    assert trending(stack, "?category=knitting").status_code == 404
