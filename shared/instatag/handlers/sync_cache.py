"""The `sync_cache` function: refreshes the trending cache when the corpus changes.

Every delivery recomputes all categories from the counters, so a duplicate or late event is
harmless. A malformed event is logged and dropped (retrying cannot fix it); a store or cache
failure raises, so that Pub/Sub delivers the event again.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from typing import Any

from cloudevents.http import CloudEvent

from instatag import runtime
from instatag import trending as service

logger = logging.getLogger(__name__)


def on_corpus_updated(event: CloudEvent) -> None:
    payload = _payload(event)
    if payload is None:
        logger.warning("dropped a malformed corpus-updated event %s", event.get("id"))
        return

    logger.info(
        "corpus-updated %s: %s new posts in %s",
        event.get("id"),
        payload.get("new_posts"),
        payload.get("categories"),
    )
    service.sync(runtime.documents(), runtime.cache(), runtime.settings())


def _payload(event: CloudEvent) -> dict[str, Any] | None:
    """The published JSON object inside the Pub/Sub CloudEvent, or None if there is none."""
    data = event.get_data()
    message = data.get("message") if isinstance(data, dict) else None
    encoded = message.get("data") if isinstance(message, dict) else None
    if not isinstance(encoded, str):
        return None
    try:
        payload = json.loads(base64.b64decode(encoded, validate=True))
    except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return payload if isinstance(payload, dict) else None
