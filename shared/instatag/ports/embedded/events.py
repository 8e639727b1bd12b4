"""In-process Pub/Sub: published messages reach their subscriber as the same CloudEvent
Eventarc would deliver to the deployed function."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from cloudevents.http import CloudEvent

from instatag import wiring
from instatag.ports.embedded.dispatch import Dispatcher

PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished"

Subscriber = Callable[[CloudEvent], None]


class LocalEventBus:
    """An `EventBus` that hands each message to the topic's subscribers on a worker thread."""

    def __init__(self, project: str, subscribers: Mapping[str, Subscriber] | None = None) -> None:
        self._project = project
        self._subscribers = dict(subscribers) if subscribers is not None else None
        self._dispatcher = Dispatcher("instatag-events", self._deliver)

    def publish(
        self, topic: str, data: Mapping[str, Any], attributes: Mapping[str, str] | None = None
    ) -> str:
        message_id = uuid.uuid4().hex
        event = to_cloud_event(self._project, topic, dict(data), attributes or {}, message_id)
        self._dispatcher.submit((topic, event))
        return message_id

    def join(self) -> None:
        """Wait until every published message has been delivered (or given up on)."""
        self._dispatcher.join()

    def _deliver(self, item: tuple[str, CloudEvent]) -> None:
        topic, event = item
        subscriber = self._subscriber(topic)
        if subscriber is not None:
            subscriber(event)

    def _subscriber(self, topic: str) -> Subscriber | None:
        if self._subscribers is not None:
            return self._subscribers.get(topic)
        spec = wiring.SUBSCRIBERS.get(topic)
        return wiring.resolve(spec) if spec else None


def to_cloud_event(
    project: str,
    topic: str,
    data: dict[str, Any],
    attributes: Mapping[str, str],
    message_id: str,
) -> CloudEvent:
    """The CloudEvent Eventarc delivers for a Pub/Sub message."""
    now = datetime.now(UTC).isoformat()
    message = {
        "data": base64.b64encode(json.dumps(data).encode()).decode(),
        "attributes": dict(attributes),
        "messageId": message_id,
        "publishTime": now,
    }
    headers = {
        "type": PUBLISHED,
        "source": f"//pubsub.googleapis.com/projects/{project}/topics/{topic}",
        "id": message_id,
        "time": now,
    }
    body = {"message": message, "subscription": f"projects/{project}/subscriptions/{topic}"}
    return CloudEvent(headers, body)
