"""Which code receives which events and tasks.

In production Pub/Sub (through Eventarc) and Cloud Tasks deliver to the deployed functions; the
embedded backends deliver in-process to the same handlers, looked up here by name so that the
ports never import the functions.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

CORPUS_UPDATED = "corpus-updated"

# topic -> "module:function" taking a CloudEvent, as the deployed function does.
SUBSCRIBERS: dict[str, str] = {
    CORPUS_UPDATED: "instatag.handlers.sync_cache:on_corpus_updated",
}

# task target -> "module:function" taking the task's JSON payload.
TASK_TARGETS: dict[str, str] = {
    "scrape_worker": "instatag.handlers.scrape_worker:run_task",
}


def resolve(spec: str) -> Callable[..., Any]:
    module, _, name = spec.partition(":")
    handler: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return handler
