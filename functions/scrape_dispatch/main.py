"""Cloud Function `scrape_dispatch` (HTTP)."""

from typing import Any

import flask
import functions_framework
from instatag.handlers import scrape_dispatch as handler
from instatag.startup import cold_start

cold_start()


@functions_framework.http
def scrape_dispatch(request: flask.Request) -> Any:
    return handler.handle(request)
