"""The `trending` function: `GET ?category=food` and `GET /categories`.

Answers from the cache; on a miss or a cache outage it computes from the store's counters and
says so in `source`, so a cache failure costs speed, never an error.
"""

from __future__ import annotations

from typing import Any

import flask

from instatag import runtime
from instatag import trending as service
from instatag.errors import BadRequest, MethodNotAllowed, NotFound
from instatag.web import http_function

# Lists change when the cache is synced; a short shared-cache lifetime is safe.
CACHE_CONTROL = "public, max-age=60"


@http_function
def handle(request: flask.Request) -> Any:
    if request.method != "GET":
        raise MethodNotAllowed(f"{request.method} is not supported; use GET")

    path = _subpath(request)
    if path == "categories":
        body = service.categories(runtime.documents(), runtime.cache(), runtime.settings())
    elif path == "":
        body = service.trending(
            _category(request), runtime.documents(), runtime.cache(), runtime.settings()
        )
    else:
        raise NotFound(f"no such path /{path}; use ?category=NAME or /categories")

    response = flask.jsonify(body)
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


def _subpath(request: flask.Request) -> str:
    """The path below the function's own URL, which is all a deployed function sees."""
    return request.path.strip("/")


def _category(request: flask.Request) -> str:
    category = request.args.get("category")
    if not category:
        raise BadRequest("query parameter `category` is required, e.g. ?category=food")
    return category
