"""The `scrape_dispatch` function: Cloud Scheduler's call, turned into one task per category.

The body may narrow the run: `{"source": "graph", "categories": ["food"]}`. Task ids are
derived from the category and the schedule slot, so a scheduler call repeated within the slot
queues nothing new.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import flask

from instatag import runtime
from instatag.errors import BadRequest, MethodNotAllowed
from instatag.scrape import ScrapeTask, dispatch
from instatag.scrape.run import schedule_slot
from instatag.web import http_function


@http_function
def handle(request: flask.Request) -> Any:
    if request.method != "POST":
        raise MethodNotAllowed("Cloud Scheduler calls this function with POST")

    settings = runtime.settings()
    body = _body(request)
    source = body.get("source")
    categories = body.get("categories", list(settings.categories))
    if not isinstance(categories, list) or not categories:
        raise BadRequest("`categories` must be a non-empty list of category names")

    tasks = {
        task.category: task
        for task in (
            ScrapeTask.from_payload({"category": c, "source": source}, settings)
            for c in categories
        )
    }
    slot = schedule_slot(datetime.now(UTC), settings.scrape.dispatch_slot_minutes)
    names = dispatch(list(tasks.values()), runtime.tasks(), slot)
    return {"slot": slot, "source": source, "tasks": names}


def _body(request: flask.Request) -> dict[str, Any]:
    """The JSON object sent, `{}` for an empty body; anything else is a 400."""
    if not request.get_data():
        return {}
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadRequest("the body must be empty or a JSON object")
    return body
