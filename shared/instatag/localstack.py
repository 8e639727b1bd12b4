"""The Google stack on one machine: Firestore and Pub/Sub emulators, a Cloud Storage emulator,
a Cloud Tasks emulator and Redis, each in its own process group so stopping one also stops the
Java process the gcloud wrappers start.

`instatag up` and the integration tests both start services through this module.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from instatag.errors import ConfigError, Unavailable

logger = logging.getLogger(__name__)

TASKS_EMULATOR_VENV = Path(".venv-tasks")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def answers_http(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status < 500)
    except OSError:
        return False


def accepts_tcp(port: int) -> bool:
    with contextlib.closing(socket.socket()) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Service:
    """One background process and how to tell it is ready."""

    name: str
    argv: Sequence[str]
    port: int
    ready: Callable[[], bool]
    log_dir: Path
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 90.0) -> Service:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / f"{self.name}.log").open("wb")
        self.process = subprocess.Popen(
            list(self.argv),
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **self.env},
            start_new_session=True,
        )
        self._wait(timeout)
        logger.info("%s is up on %s", self.name, self.host)
        return self

    def stop(self) -> None:
        """Stop the whole process group: the wrapper and the emulator it started."""
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        logger.info("%s stopped", self.name)

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise Unavailable(f"{self.name} exited early; see {self.log_dir}/{self.name}.log")
            if self.ready():
                return
            time.sleep(0.2)
        self.stop()
        raise Unavailable(f"{self.name} did not start within {timeout:.0f}s")


def missing_tools() -> list[str]:
    """What this machine lacks to run the emulators (empty when everything is there)."""
    needed = {"gcloud": "Google Cloud SDK", "java": "Java", "redis-server": "redis-server"}
    return [f"{name} ({what})" for name, what in needed.items() if shutil.which(name) is None]


def firestore(log_dir: Path, port: int | None = None) -> Service:
    port = port or free_port()
    argv = ["gcloud", "emulators", "firestore", "start", f"--host-port=127.0.0.1:{port}"]
    ready = lambda: answers_http(f"http://127.0.0.1:{port}")  # noqa: E731
    return Service("firestore", argv, port, ready, log_dir)


def pubsub(log_dir: Path, project: str, port: int | None = None) -> Service:
    port = port or free_port()
    argv = [
        "gcloud",
        "beta",
        "emulators",
        "pubsub",
        "start",
        f"--host-port=127.0.0.1:{port}",
        f"--project={project}",
    ]
    return Service("pubsub", argv, port, lambda: answers_http(f"http://127.0.0.1:{port}"), log_dir)


def storage(log_dir: Path, bucket: str, port: int | None = None) -> Service:
    port = port or free_port()
    argv = [
        sys.executable,
        "-m",
        "gcp_storage_emulator",
        "start",
        "--host=127.0.0.1",
        f"--port={port}",
        f"--default-bucket={bucket}",
        "--in-memory",
        "--quiet",
    ]
    return Service("storage", argv, port, lambda: accepts_tcp(port), log_dir)


def redis(log_dir: Path, port: int | None = None) -> Service:
    port = port or free_port()
    argv = [
        "redis-server",
        "--bind",
        "127.0.0.1",
        "--port",
        str(port),
        "--save",
        "",
        "--appendonly",
        "no",
    ]
    return Service("redis", argv, port, lambda: accepts_tcp(port), log_dir)


def tasks(
    log_dir: Path, queue_path: str, venv: Path = TASKS_EMULATOR_VENV, port: int | None = None
) -> Service:
    """The Cloud Tasks emulator, from its own virtualenv (it needs an older protobuf)."""
    executable = venv / "bin" / "gcloud-tasks-emulator"
    if not executable.exists():
        raise ConfigError(f"{executable} is missing: run `make tasks-emulator` first")
    port = port or free_port()
    argv = [str(executable), "start", f"--port={port}", f"--default-queue={queue_path}", "-q"]
    return Service("tasks", argv, port, lambda: accepts_tcp(port), log_dir)


def function(
    name: str, source: Path, signature: str, port: int, log_dir: Path, *, env: dict[str, str]
) -> Service:
    """One Cloud Function under functions-framework, as its runtime serves it."""
    argv = [
        sys.executable, "-m", "functions_framework", f"--target={name}", f"--source={source}",
        f"--signature-type={signature}", "--host=127.0.0.1", f"--port={port}",
    ]  # fmt: skip
    return Service(name, argv, port, lambda: accepts_tcp(port), log_dir, env=dict(env))
