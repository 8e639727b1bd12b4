"""The whole product on the Google backends, on one machine: emulators, Redis, and each
function under functions-framework on its own port, wired as production wires them.

Pub/Sub pushes `corpus-updated` to `sync_cache` (functions-framework turns the push into the
CloudEvent Eventarc would send) and Cloud Tasks posts scrape tasks to `scrape_worker`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from google.api_core.exceptions import AlreadyExists

from instatag import localstack, wiring

logger = logging.getLogger(__name__)

HTTP_FUNCTIONS = ("tags", "captions", "trending", "scrape_dispatch", "scrape_worker")
EVENT_FUNCTIONS = ("sync_cache",)


@dataclass
class StackConfig:
    project: str = "instatag-local"
    region: str = "us-central1"
    bucket: str = "instatag-models"
    queue: str = "scrape"
    functions_dir: Path = Path("functions")
    log_dir: Path = Path(".instatag/logs")
    tasks_venv: Path = localstack.TASKS_EMULATOR_VENV
    # Fixed ports give stable URLs to a person; tests pass None for free ones.
    base_port: int | None = 8081
    reuse_redis: bool = True


@dataclass
class Stack:
    config: StackConfig
    services: dict[str, localstack.Service] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)

    def url(self, function: str) -> str:
        return f"http://{self.services[function].host}"

    def shell_exports(self) -> str:
        """`export` lines that point another shell's `instatag` at this stack."""
        return " ".join(f"export {key}='{value}';" for key, value in sorted(self.env.items()))

    def start(self) -> Stack:
        try:
            self._start_emulators()
            self._start_functions()
            self._subscribe_sync_cache()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for service in reversed(list(self.services.values())):
            service.stop()

    def _port(self, offset: int) -> int | None:
        base = self.config.base_port
        return base + offset if base is not None else None

    def _start_emulators(self) -> None:
        cfg = self.config
        queue_path = f"projects/{cfg.project}/locations/{cfg.region}/queues/{cfg.queue}"
        emulators = [
            localstack.firestore(cfg.log_dir, self._port(100)),
            localstack.pubsub(cfg.log_dir, cfg.project, self._port(101)),
            localstack.storage(cfg.log_dir, cfg.bucket, self._port(102)),
            localstack.tasks(cfg.log_dir, queue_path, cfg.tasks_venv, self._port(103)),
        ]
        redis_url = "redis://127.0.0.1:6379/0"
        if not (cfg.reuse_redis and localstack.accepts_tcp(6379)):
            emulators.append(localstack.redis(cfg.log_dir, self._port(104)))
        for service in emulators:
            self.services[service.name] = service.start()
        if "redis" in self.services:
            redis_url = f"redis://{self.services['redis'].host}/0"

        self.env = {
            "INSTATAG_BACKEND": "google",
            "INSTATAG_GOOGLE__PROJECT": cfg.project,
            "INSTATAG_GOOGLE__REGION": cfg.region,
            "INSTATAG_GOOGLE__MODEL_BUCKET": cfg.bucket,
            "INSTATAG_GOOGLE__TASKS_QUEUE": cfg.queue,
            "INSTATAG_GOOGLE__TASKS_EMULATOR_HOST": self.services["tasks"].host,
            "INSTATAG_GOOGLE__REDIS_URL": redis_url,
            "FIRESTORE_EMULATOR_HOST": self.services["firestore"].host,
            "PUBSUB_EMULATOR_HOST": self.services["pubsub"].host,
            "STORAGE_EMULATOR_HOST": f"http://{self.services['storage'].host}",
            "GOOGLE_CLOUD_PROJECT": cfg.project,
        }

    def _start_functions(self) -> None:
        names = (*HTTP_FUNCTIONS, *EVENT_FUNCTIONS)
        ports = {
            name: self._port(index) or localstack.free_port() for index, name in enumerate(names)
        }
        urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        self.env["INSTATAG_GOOGLE__FUNCTION_URLS"] = json.dumps(urls)

        for name in names:
            signature = "cloudevent" if name in EVENT_FUNCTIONS else "http"
            source = self.config.functions_dir / name / "main.py"
            service = localstack.function(
                name, source, signature, ports[name], self.config.log_dir, env=self.env
            )
            self.services[name] = service.start()

    def _subscribe_sync_cache(self) -> None:
        """Create the topic and push its messages to `sync_cache`, as Eventarc does."""
        from google.cloud.pubsub_v1 import PublisherClient, SubscriberClient

        project, topic = self.config.project, wiring.CORPUS_UPDATED
        topic_path = f"projects/{project}/topics/{topic}"
        endpoint = f"{self.url('sync_cache')}/{topic_path}"

        with environment(self.env), contextlib.suppress(AlreadyExists):
            PublisherClient().create_topic(name=topic_path)
            SubscriberClient().create_subscription(
                name=f"projects/{project}/subscriptions/{topic}-sync-cache",
                topic=topic_path,
                push_config={"push_endpoint": endpoint},
                ack_deadline_seconds=60,
            )
        logger.info("%s pushes to %s", topic_path, endpoint)


@contextlib.contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
    """Point the Google clients made inside the block at the stack's emulators."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
