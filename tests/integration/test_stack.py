"""`instatag up`'s stack: emulators, Redis and every function on its own port, wired together."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from instatag import localstack, wiring
from instatag.ports.google.events import PubSubEventBus
from instatag.stack import Stack, StackConfig, environment

from tests.conftest import ROOT, unavailable


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if localstack.missing_tools():
        unavailable("this machine lacks " + ", ".join(localstack.missing_tools()))
    if not (ROOT / localstack.TASKS_EMULATOR_VENV).exists():
        unavailable("the Cloud Tasks emulator is not installed (run `make tasks-emulator`)")

    config = StackConfig(
        project="instatag-stack-test",
        functions_dir=ROOT / "functions",
        log_dir=tmp_path_factory.mktemp("stack-logs"),
        tasks_venv=ROOT / localstack.TASKS_EMULATOR_VENV,
        base_port=None,
        reuse_redis=False,
    )
    stack = Stack(config).start()
    yield stack
    stack.stop()


def log_of(stack: Stack, name: str) -> str:
    return (Path(stack.config.log_dir) / f"{name}.log").read_text(errors="replace")


def test_every_function_answers_on_its_own_port(stack: Stack) -> None:
    urls = json.loads(stack.env["INSTATAG_GOOGLE__FUNCTION_URLS"])

    assert set(urls) == {"tags", "captions", "trending", "scrape_dispatch", "scrape_worker",
                         "sync_cache"}  # fmt: skip
    assert len({url.rsplit(":", 1)[1] for url in urls.values()}) == len(urls)
    for name in ("tags", "captions", "trending", "scrape_dispatch", "scrape_worker"):
        response = requests.post(urls[name], json={}, timeout=30)
        assert response.headers["Content-Type"].startswith("application/json"), name
        assert "error" in response.json() or response.ok, name


def test_corpus_updated_reaches_sync_cache_through_the_pubsub_emulator(stack: Stack) -> None:
    with environment(stack.env):
        message_id = PubSubEventBus(stack.config.project).publish(
            wiring.CORPUS_UPDATED, {"new_posts": 1, "categories": ["food"]}
        )

    deadline = time.monotonic() + 30
    while message_id not in log_of(stack, "sync_cache") and time.monotonic() < deadline:
        time.sleep(0.3)
    assert message_id in log_of(stack, "sync_cache")
