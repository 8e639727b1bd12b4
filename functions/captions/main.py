"""Cloud Function `captions` (HTTP)."""

from typing import Any

import flask
import functions_framework
from instatag.handlers import captions as handler
from instatag.startup import cold_start

cold_start()


@functions_framework.http
def captions(request: flask.Request) -> Any:
    return handler.handle(request)
