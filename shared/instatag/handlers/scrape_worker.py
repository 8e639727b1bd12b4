"""The `scrape_worker` function: one scrape task, called by Cloud Tasks."""

from __future__ import annotations

from typing import Any

import flask

from instatag.errors import NotImplementedYet
from instatag.web import http_function, json_body


def run_task(payload: dict[str, Any]) -> dict[str, Any]:
    raise NotImplementedYet("scrape_worker is not available yet")


@http_function
def handle(request: flask.Request) -> Any:
    return run_task(json_body(request))
