"""The EventBus contract: a published message reaches its topic's subscriber as the CloudEvent
Eventarc delivers. Run in process, and on the Pub/Sub emulator pushing to a functions-framework
CloudEvent function, as production wires it."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from instatag.ports import EventBus
from instatag.ports.embedded.events import LocalEventBus

from tests import support

PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished"
PROJECT = "instatag-test"


@pytest.fixture(params=["embedded", "google"])
def wired(request: pytest.FixtureRequest, unique: str) -> Iterator[tuple[EventBus, str, Any]]:
    """A bus, a topic with a subscriber, and the inbox that subscriber fills."""
    topic = f"topic-{unique}"
    support.EVENT_SINK = support.Inbox()

    if request.param == "embedded":
        yield LocalEventBus(PROJECT, {topic: support.EVENT_SINK.append}), topic, support.EVENT_SINK
        return

    request.getfixturevalue("pubsub_emulator")
    from instatag.ports.google.events import PubSubEventBus

    with _cloud_event_function() as url:
        _push_subscription(topic, f"{url}/projects/{PROJECT}/topics/{topic}")
        yield PubSubEventBus(PROJECT), topic, support.EVENT_SINK


def _push_subscription(topic: str, endpoint: str) -> None:
    from google.cloud.pubsub_v1 import PublisherClient, SubscriberClient

    topic_path = PublisherClient().create_topic(name=f"projects/{PROJECT}/topics/{topic}").name
    SubscriberClient().create_subscription(
        name=f"projects/{PROJECT}/subscriptions/{topic}-push",
        topic=topic_path,
        push_config={"push_endpoint": endpoint},
        ack_deadline_seconds=10,
    )


class _cloud_event_function:
    """Serve `pubsub_receiver.receive` with functions-framework on a free local port."""

    def __enter__(self) -> str:
        import functions_framework
        from werkzeug.serving import make_server

        source = Path(__file__).with_name("pubsub_receiver.py")
        app = functions_framework.create_app("receive", str(source), "cloudevent")
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_port}"

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()


def message_of(event: Any) -> dict[str, Any]:
    message: dict[str, Any] = event.data["message"]
    return message


class TestEventBusContract:
    def test_a_message_arrives_as_a_pubsub_cloud_event(self, wired: Any) -> None:
        bus, topic, inbox = wired
        message_id = bus.publish(topic, {"new_posts": 3, "categories": ["food"]}, {"by": "test"})

        (event,) = inbox.wait_for(1)
        assert event["type"] == PUBLISHED
        assert event["id"] == message_id
        assert event["source"].endswith(f"/projects/{PROJECT}/topics/{topic}")

        message = message_of(event)
        assert json.loads(base64.b64decode(message["data"])) == {
            "new_posts": 3,
            "categories": ["food"],
        }
        assert message["attributes"] == {"by": "test"}

    def test_every_message_is_delivered_with_its_own_id(self, wired: Any) -> None:
        bus, topic, inbox = wired
        ids = {bus.publish(topic, {"n": n}) for n in range(3)}

        events = inbox.wait_for(3)
        assert len(ids) == 3
        assert {event["id"] for event in events} == ids
        payloads = [json.loads(base64.b64decode(message_of(e)["data"])) for e in events]
        assert sorted(p["n"] for p in payloads) == [0, 1, 2]
