"""Events published to Pub/Sub; Eventarc delivers them to `sync_cache` as CloudEvents."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from google.api_core import exceptions as google_errors
from google.cloud.pubsub_v1 import PublisherClient

from instatag.errors import Unavailable


class PubSubEventBus:
    """An `EventBus` on Pub/Sub topics of one project; topics are made by Terraform."""

    def __init__(self, project: str, timeout: float = 30.0) -> None:
        self._project = project
        self._timeout = timeout
        self._publisher = PublisherClient()

    def publish(
        self, topic: str, data: Mapping[str, Any], attributes: Mapping[str, str] | None = None
    ) -> str:
        path = self._publisher.topic_path(self._project, topic)
        payload = json.dumps(dict(data)).encode()
        try:
            future = self._publisher.publish(path, payload, **dict(attributes or {}))
            message_id: str = future.result(timeout=self._timeout)
        except (google_errors.GoogleAPIError, TimeoutError) as exc:
            raise Unavailable(f"could not publish to {topic}: {exc}") from exc
        return message_id
