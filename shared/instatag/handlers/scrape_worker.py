"""The `scrape_worker` function: one scrape task, called by Cloud Tasks.

In production the caller proves itself with an OIDC token signed by Google for the queue's
service account. A rate-limited source answers 429 with `Retry-After` and an unreachable one
503, so Cloud Tasks backs off and retries; the function never sleeps.
"""

from __future__ import annotations

import logging
from typing import Any

import flask
from google.auth import exceptions as auth_errors
from google.auth.transport import requests as auth_requests
from google.oauth2 import id_token

from instatag import runtime
from instatag.errors import MethodNotAllowed, Unauthorized, Unavailable
from instatag.scrape import ScrapeTask, make_source, scrape
from instatag.settings import Settings
from instatag.web import http_function, json_body

logger = logging.getLogger(__name__)

GOOGLE_ISSUERS = ("accounts.google.com", "https://accounts.google.com")


def run_task(payload: dict[str, Any]) -> dict[str, Any]:
    settings = runtime.settings()
    task = ScrapeTask.from_payload(payload, settings)
    documents = runtime.documents()
    source = make_source(task.source_in(settings), settings, documents)
    return scrape(task, source, documents, runtime.events()).as_dict()


@http_function
def handle(request: flask.Request) -> Any:
    if request.method != "POST":
        raise MethodNotAllowed("Cloud Tasks calls this function with POST")

    settings = runtime.settings()
    if should_verify(settings):
        verify_caller(request, settings)
    return run_task(json_body(request))


def should_verify(settings: Settings) -> bool:
    """Verify tokens when told to; by default on the google backend when tasks come from
    Cloud Tasks itself (its emulator signs nothing)."""
    verify = settings.scrape.verify_oidc
    if verify is not None:
        return verify
    return settings.backend == "google" and not settings.google.tasks_emulator_host


def verify_caller(request: flask.Request, settings: Settings) -> dict[str, Any]:
    """The claims of the request's Google-signed OIDC token, or a 401 saying what is wrong.

    This is `google.oauth2.id_token.verify_oauth2_token` with the certificate URL taken from
    the settings, plus the check that the token names the queue's service account.
    """
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("a bearer OIDC token is required")

    audience = _audience(request, settings)
    try:
        claims = dict(
            id_token.verify_token(
                token, _transport(), audience=audience, certs_url=settings.scrape.oidc_certs_url
            )
        )
    except auth_errors.TransportError as exc:
        raise Unavailable("could not fetch Google's token certificates") from exc
    except (ValueError, auth_errors.GoogleAuthError) as exc:
        raise Unauthorized(f"the OIDC token is not valid: {exc}") from exc

    if claims.get("iss") not in GOOGLE_ISSUERS:
        raise Unauthorized("the OIDC token was not issued by Google")
    expected = settings.google.tasks_service_account
    if expected and (claims.get("email") != expected or not claims.get("email_verified")):
        raise Unauthorized("the OIDC token does not belong to the task queue's service account")
    return claims


def _audience(request: flask.Request, settings: Settings) -> list[str]:
    """The audiences a task's token may name: the configured one, else this function's URL as
    the dispatcher knows it, else as this request reached it (Cloud Tasks' default audience).

    The request's own host is a fair last resort: the token must still be signed by Google,
    and for the queue's service account when `INSTATAG_GOOGLE__TASKS_SERVICE_ACCOUNT` is set.
    """
    if settings.scrape.oidc_audience:
        return [settings.scrape.oidc_audience]
    known = settings.google.function_urls.get("scrape_worker")
    if known:
        return [known]
    return [f"https://{request.host}", f"https://{request.host}/"]


def _transport() -> auth_requests.Request:
    return auth_requests.Request()
