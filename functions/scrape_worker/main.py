"""Cloud Function `scrape_worker` (HTTP)."""

from typing import Any

import flask
import functions_framework
from instatag.handlers import scrape_worker as handler
from instatag.startup import cold_start

cold_start()


@functions_framework.http
def scrape_worker(request: flask.Request) -> Any:
    return handler.handle(request)
