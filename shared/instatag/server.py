"""Every function in one local web server, each under its own path, plus the web page.

The page is `static/index.html` at `/`; its script, styles and icon are served from `static/`
at `/static/...`.

Production runs each function alone under functions-framework; this server is for a laptop
(`instatag serve`) and for end-to-end tests. The handlers are the same objects either way.
"""

from __future__ import annotations

import logging
from importlib import resources
from typing import Any

import flask
from cloudevents.http import from_http

from instatag.handlers import (
    captions,
    scrape_dispatch,
    scrape_worker,
    sync_cache,
    tags,
    trending,
)
from instatag.web import error_response

logger = logging.getLogger(__name__)

HTTP_FUNCTIONS = {
    "tags": tags.handle,
    "captions": captions.handle,
    "trending": trending.handle,
    "scrape_dispatch": scrape_dispatch.handle,
    "scrape_worker": scrape_worker.handle,
}
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

# The page loads nothing from elsewhere; the browser is told to enforce it. `blob:` images are
# the preview of the photo the person picked.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
}


def create_app() -> flask.Flask:
    app = flask.Flask("instatag", static_folder="static", static_url_path="/static")

    for name, handler in HTTP_FUNCTIONS.items():
        _mount(app, name, handler)

    @app.post("/sync_cache")
    def sync_cache_event() -> Any:
        event = from_http(dict(flask.request.headers), flask.request.get_data())
        sync_cache.on_corpus_updated(event)
        return "", 204

    @app.get("/")
    def index() -> Any:
        page = resources.files("instatag.static").joinpath("index.html").read_text("utf-8")
        return flask.Response(page, mimetype="text/html", headers=PAGE_HEADERS)

    @app.get("/healthz")
    def health() -> Any:
        return {"status": "ok"}

    app.register_error_handler(Exception, error_response)
    return app


def _mount(app: flask.Flask, name: str, handler: Any) -> None:
    """Serve `handler` on `/name` and every path below it, as its own function would."""

    def view(subpath: str = "") -> Any:
        # A deployed function sees paths relative to its own URL; so does the handler here.
        environ = {**flask.request.environ, "SCRIPT_NAME": f"/{name}", "PATH_INFO": f"/{subpath}"}
        return handler(flask.Request(environ))

    app.add_url_rule(f"/{name}", f"{name}_root", view, methods=METHODS)
    app.add_url_rule(f"/{name}/<path:subpath>", name, view, methods=METHODS)
