"""The `trending` function."""

from __future__ import annotations

from typing import Any

import flask

from instatag.errors import NotImplementedYet
from instatag.web import http_function


@http_function
def handle(request: flask.Request) -> Any:
    raise NotImplementedYet("trending is not available yet")
