"""A CloudEvent function standing in for `sync_cache`, served by functions-framework itself."""

import functions_framework
from cloudevents.http import CloudEvent

from tests import support


@functions_framework.cloud_event
def receive(event: CloudEvent) -> None:
    support.EVENT_SINK.append(event)
