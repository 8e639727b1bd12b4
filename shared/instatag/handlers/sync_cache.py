"""The `sync_cache` function: refreshes the trending cache when the corpus changes."""

from __future__ import annotations

import logging

from cloudevents.http import CloudEvent

logger = logging.getLogger(__name__)


def on_corpus_updated(event: CloudEvent) -> None:
    logger.info("corpus-updated received", extra={"event_id": event["id"]})
