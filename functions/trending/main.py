"""Cloud Function `trending` (HTTP)."""

from typing import Any

import flask
import functions_framework
from instatag.handlers import trending as handler
from instatag.startup import cold_start

cold_start()


@functions_framework.http
def trending(request: flask.Request) -> Any:
    return handler.handle(request)
