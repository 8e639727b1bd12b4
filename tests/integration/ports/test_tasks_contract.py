"""The TaskQueue contract: a queued task reaches its target's handler with its JSON payload,
at least once, retried when the handler fails. Run in process, and on the Cloud Tasks emulator
delivering HTTP tasks to a local endpoint."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from instatag.ports import Task, TaskQueue
from instatag.ports.embedded.tasks import LocalTaskQueue
from instatag.settings import GoogleSettings

from tests import support


class Wired:
    def __init__(self, queue: TaskQueue, inbox: support.Inbox) -> None:
        self.queue = queue
        self.inbox = inbox


def _failing_then(inbox: support.Inbox, failures: int) -> Any:
    attempts = {"count": 0}

    def handler(payload: dict[str, Any]) -> None:
        attempts["count"] += 1
        if attempts["count"] <= failures:
            raise RuntimeError("failing on purpose")
        inbox.append(payload)

    return handler


def _google_queue(emulator: str, unique: str, url: str) -> TaskQueue:
    import grpc
    from google.cloud import tasks_v2
    from google.cloud.tasks_v2.services.cloud_tasks.transports import CloudTasksGrpcTransport
    from instatag.ports.google.tasks import CloudTasksQueue

    transport = CloudTasksGrpcTransport(channel=grpc.insecure_channel(emulator))
    parent = "projects/instatag-test/locations/us-central1"
    tasks_v2.CloudTasksClient(transport=transport).create_queue(
        parent=parent, queue={"name": f"{parent}/queues/q-{unique}"}
    )
    settings = GoogleSettings(
        project="instatag-test",
        tasks_queue=f"q-{unique}",
        tasks_emulator_host=emulator,
        function_urls={"worker": url},
    )
    return CloudTasksQueue(settings)


@pytest.fixture(params=["embedded", "google"])
def wired(request: pytest.FixtureRequest, unique: str) -> Iterator[Wired]:
    """A queue whose `worker` target fails as often as the test's `failures` mark says."""
    marker = request.node.get_closest_marker("failures")
    failures = marker.args[0] if marker else 0
    inbox = support.Inbox()

    if request.param == "embedded":
        yield Wired(LocalTaskQueue({"worker": _failing_then(inbox, failures)}), inbox)
        return

    emulator = request.getfixturevalue("tasks_emulator")
    with support.http_receiver(inbox, fail_first=failures) as url:
        yield Wired(_google_queue(emulator, unique, url), inbox)


class TestTaskQueueContract:
    def test_a_task_reaches_its_target_with_its_payload(self, wired: Wired) -> None:
        wired.queue.enqueue(Task("worker", {"category": "food", "source": "file"}))

        assert wired.inbox.wait_for(1) == [{"category": "food", "source": "file"}]

    def test_a_named_task_keeps_its_name(self, wired: Wired) -> None:
        name = wired.queue.enqueue(Task("worker", {"n": 1}, task_id="scrape-food-2026120315"))

        assert name.endswith("scrape-food-2026120315")
        assert wired.inbox.wait_for(1)[0] == {"n": 1}

    @pytest.mark.failures(1)
    def test_a_failed_delivery_is_retried(self, wired: Wired) -> None:
        wired.queue.enqueue(Task("worker", {"category": "travel"}))

        assert wired.inbox.wait_for(1, timeout=60) == [{"category": "travel"}]
