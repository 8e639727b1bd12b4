"""Fixtures for every tier: an isolated embedded runtime, and the Google emulators.

Emulator-backed tests skip with a loud reason on a machine without the tools, but never under
`CI=true`: there a missing tool or an emulator that will not start fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from instatag import localstack, runtime

ROOT = Path(__file__).resolve().parents[1]
TEAM_DATA = ROOT.parent / "shared" / "data"
LOGS = ROOT / ".instatag" / "test-logs"
IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> None:
    """Fail under CI, skip loudly elsewhere."""
    if IN_CI:
        pytest.fail(f"CI must run this test, but {reason}")
    pytest.skip(f"SKIPPED FOR MISSING TOOLS: {reason}")


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:12]


@pytest.fixture
def embedded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An embedded runtime whose data directory is a fresh temporary folder."""
    monkeypatch.setenv("INSTATAG_BACKEND", "embedded")
    monkeypatch.setenv("INSTATAG_DATA_DIR", str(tmp_path / "data"))
    runtime.reset()
    yield tmp_path / "data"
    runtime.reset()


def _start(service: localstack.Service) -> localstack.Service:
    missing = localstack.missing_tools()
    if missing:
        unavailable("this machine lacks " + ", ".join(missing))
    try:
        return service.start()
    except Exception as exc:
        unavailable(f"{service.name} emulator did not start: {exc}")
        raise


@pytest.fixture(scope="session")
def firestore_emulator() -> Iterator[str]:
    service = _start(localstack.firestore(LOGS))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FIRESTORE_EMULATOR_HOST", service.host)
        yield service.host
    service.stop()


@pytest.fixture(scope="session")
def pubsub_emulator() -> Iterator[str]:
    service = _start(localstack.pubsub(LOGS, "instatag-test"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PUBSUB_EMULATOR_HOST", service.host)
        yield service.host
    service.stop()


@pytest.fixture(scope="session")
def storage_emulator() -> Iterator[str]:
    service = _start(localstack.storage(LOGS, "instatag-test"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STORAGE_EMULATOR_HOST", f"http://{service.host}")
        yield service.host
    service.stop()


@pytest.fixture(scope="session")
def tasks_emulator() -> Iterator[str]:
    venv = ROOT / localstack.TASKS_EMULATOR_VENV
    if not venv.exists():
        unavailable("the Cloud Tasks emulator is not installed (run `make tasks-emulator`)")
    queue = "projects/instatag-test/locations/us-central1/queues/default"
    service = _start(localstack.tasks(LOGS, queue, venv))
    yield service.host
    service.stop()


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """The machine's Redis on 6379 when it answers (CI starts it); else one of our own."""
    if localstack.accepts_tcp(6379):
        yield "redis://127.0.0.1:6379/0"
        return
    service = _start(localstack.redis(LOGS))
    yield f"redis://{service.host}/0"
    service.stop()
