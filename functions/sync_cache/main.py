"""Cloud Function `sync_cache` (CloudEvent from Pub/Sub topic `corpus-updated`)."""

import functions_framework
from cloudevents.http import CloudEvent
from instatag.handlers import sync_cache as handler
from instatag.startup import cold_start

cold_start()


@functions_framework.cloud_event
def sync_cache(event: CloudEvent) -> None:
    handler.on_corpus_updated(event)
