"""The `captions` function on the Google backend: models pulled from the Cloud Storage emulator
through the model store, captions mined from posts in the Firestore emulator."""

from __future__ import annotations

import io
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import functions_framework
import pytest
from instatag import runtime
from instatag.captions import service as caption_service
from instatag.captions.cleaning import tokens
from instatag.corpus import POSTS, save_posts
from instatag.hashtags import service as tag_service
from instatag.modelstore import Manifest, publish
from instatag.ports.embedded.events import LocalEventBus
from instatag.sample import load_sample

from models.tags.train import train, write
from models.vision.build import build_vision
from tests.conftest import ROOT
from tests.support import Inbox

pytestmark = [pytest.mark.emulator, pytest.mark.slow]

CAT = Path(str(resources.files("skimage") / "data" / "chelsea.png"))


@pytest.fixture(scope="module")
def model_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    out = tmp_path_factory.mktemp("caption-models")
    tags = write(train(load_sample(), show_progress=False), out / "tags")
    return {"vision": build_vision(out / "vision"), "tags": tags}


@pytest.fixture
def google(
    storage_emulator: str,
    firestore_emulator: str,
    unique: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[str]:
    """The Google backend on the emulators, in a project and a bucket of its own."""
    from google.auth.credentials import AnonymousCredentials
    from google.cloud.storage import Client

    project, bucket = f"captions-{unique}", f"models-{unique}"
    Client(project=project, credentials=AnonymousCredentials()).create_bucket(bucket)
    monkeypatch.setenv("INSTATAG_BACKEND", "google")
    monkeypatch.setenv("INSTATAG_GOOGLE__PROJECT", project)
    monkeypatch.setenv("INSTATAG_GOOGLE__MODEL_BUCKET", bucket)
    monkeypatch.setenv("INSTATAG_MODELS__CACHE_DIR", str(tmp_path / "model-cache"))
    # The first request waits for the emulator however long its first queries take.
    monkeypatch.setenv("INSTATAG_CAPTIONS__MINED_WAIT_SECONDS", "30")
    monkeypatch.setenv("INSTATAG_CAPTIONS__MINED_FIRST_WAIT_SECONDS", "30")
    runtime.reset()
    caption_service.reset()
    tag_service.reset()
    yield project
    caption_service.reset()
    tag_service.reset()
    runtime.reset()


@pytest.fixture
def published(google: str, model_files: dict[str, list[Path]]) -> Manifest:
    return publish(runtime.blobs(), model_files)


@pytest.fixture
def posts(google: str) -> None:
    events = LocalEventBus(google, {"corpus-updated": Inbox().append})
    save_posts(load_sample(), runtime.documents(), events)


def test_a_photo_gets_captions_from_the_emulated_cloud(
    published: Manifest, posts: None, tmp_path: Path
) -> None:
    source = ROOT / "functions" / "captions" / "main.py"
    client = functions_framework.create_app("captions", str(source)).test_client()

    response = client.post(
        "/",
        data={"image": (io.BytesIO(CAT.read_bytes()), "cat.png"), "count": "6"},
        content_type="multipart/form-data",
    )

    assert response.status_code == 200, response.get_json()
    body: dict[str, Any] = response.get_json()
    assert body["model_version"] == {"vision": published.version, "tags": published.version}
    assert len(body["captions"]) == 6
    mined = [c["text"] for c in body["captions"] if c["source"] == "posts"]
    stored = [doc["caption"] for _, doc in runtime.documents().query(POSTS)]
    assert mined
    for text in mined:
        assert "cat" in tokens(text) or "🐱" in text
        assert any(set(tokens(text)) <= set(tokens(raw)) for raw in stored), text
    cached = list((tmp_path / "model-cache").rglob("vision.onnx"))
    assert [path.parent.name for path in cached] == [published.version]
