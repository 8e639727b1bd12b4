"""HTTP tasks on Cloud Tasks, signed with an OIDC token for the target function."""

from __future__ import annotations

import json
import re
from typing import Any

import grpc
from google.api_core import exceptions as google_errors
from google.cloud import tasks_v2
from google.cloud.tasks_v2.services.cloud_tasks.transports import CloudTasksGrpcTransport

from instatag.errors import ConfigError, Unavailable
from instatag.ports.base import Task
from instatag.settings import GoogleSettings


class CloudTasksQueue:
    """A `TaskQueue` on one Cloud Tasks queue; each target maps to a function URL."""

    def __init__(self, settings: GoogleSettings) -> None:
        self._settings = settings
        self._client = _client(settings.tasks_emulator_host)
        self._queue = self._client.queue_path(
            settings.project, settings.region, settings.tasks_queue
        )

    def enqueue(self, task: Task) -> str:
        request: dict[str, Any] = {"http_request": self._http_request(task)}
        if task.task_id:
            request["name"] = f"{self._queue}/tasks/{_task_name(task.task_id)}"

        try:
            created = self._client.create_task(parent=self._queue, task=tasks_v2.Task(request))
        except google_errors.AlreadyExists:
            return str(request["name"])
        except google_errors.GoogleAPIError as exc:
            raise Unavailable(f"could not queue a task for {task.target}: {exc}") from exc
        return str(created.name)

    def _http_request(self, task: Task) -> dict[str, object]:
        url = self._settings.function_urls.get(task.target)
        if not url:
            raise ConfigError(
                f"no URL for task target {task.target!r}: "
                "set INSTATAG_GOOGLE__FUNCTION_URLS to a JSON object naming it"
            )

        request: dict[str, object] = {
            "http_method": tasks_v2.HttpMethod.POST,
            "url": url,
            "headers": {"Content-Type": "application/json"},
            "body": json.dumps(task.payload).encode(),
        }
        if self._settings.tasks_service_account:
            request["oidc_token"] = {
                "service_account_email": self._settings.tasks_service_account,
                "audience": url,
            }
        return request


def _client(emulator_host: str | None) -> tasks_v2.CloudTasksClient:
    if not emulator_host:
        return tasks_v2.CloudTasksClient()
    channel = grpc.insecure_channel(emulator_host)
    return tasks_v2.CloudTasksClient(transport=CloudTasksGrpcTransport(channel=channel))


def _task_name(task_id: str) -> str:
    # Task ids may use only letters, digits, hyphens and underscores.
    return re.sub(r"[^A-Za-z0-9_-]", "-", task_id)[:500]
