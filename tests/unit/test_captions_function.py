"""The `captions` function under functions-framework on the embedded backend: real photos,
models published through the model store, and the sample corpus for mined captions."""

from __future__ import annotations

import io
import itertools
import json
import logging
import re
import struct
import threading
import zlib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import functions_framework
import pytest
from flask.testing import FlaskClient
from instatag import cli, runtime
from instatag.captions import service as caption_service
from instatag.captions.cleaning import jaccard, tokens
from instatag.captions.service import CaptionRequest, CaptionService
from instatag.corpus import POSTS
from instatag.hashtags import service as tag_service
from instatag.modelstore import Manifest, publish
from instatag.ports import DocumentStore
from instatag.sample import import_sample, load_sample
from PIL import Image

from models.tags.train import train, write
from models.vision.build import MODEL_FILE, build_vision
from tests.conftest import ROOT, TEAM_DATA
from tests.support import photo_form

pytestmark = pytest.mark.slow

HEARTS = TEAM_DATA / "images" / "hearts.jpeg"
BOKEH = TEAM_DATA / "images" / "bokeh.jpeg"
CAT = Path(str(resources.files("skimage") / "data" / "chelsea.png"))
COFFEE = Path(str(resources.files("skimage") / "data" / "coffee.png"))

# What a caption must name (a word, or an emoji) to be about each photo with a clear subject.
ABOUT = {
    CAT: {"cat", "tabby", "kitten", "feline", "🐱"},
    COFFEE: {"espresso", "coffee", "☕"},
}
EMOJI_END = re.compile("[\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f]$")


@pytest.fixture(scope="session")
def model_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """The vision model, and a tags model trained on the sample posts."""
    out = tmp_path_factory.mktemp("caption-models")
    tags = write(train(load_sample(), show_progress=False), out / "tags")
    return {"vision": build_vision(out / "vision"), "tags": tags}


def forget_services() -> None:
    caption_service.reset()
    tag_service.reset()


@pytest.fixture
def runtime_dir(embedded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The embedded runtime, with its own model cache, and no loaded model yet."""
    monkeypatch.setenv("INSTATAG_MODELS__CACHE_DIR", str(tmp_path / "model-cache"))
    monkeypatch.setenv("INSTATAG_MODELS__REFRESH_SECONDS", "0")
    # However loaded the machine, the first request waits for the stored posts.
    monkeypatch.setenv("INSTATAG_CAPTIONS__MINED_WAIT_SECONDS", "30")
    monkeypatch.setenv("INSTATAG_CAPTIONS__MINED_FIRST_WAIT_SECONDS", "30")
    runtime.reset()
    forget_services()
    yield embedded
    forget_services()


@pytest.fixture
def published(runtime_dir: Path, model_files: dict[str, list[Path]]) -> Manifest:
    return publish(runtime.blobs(), model_files)


@pytest.fixture
def sample(published: Manifest) -> None:
    import_sample(runtime.documents(), runtime.events())
    runtime.drain()


def function_client(target: str) -> FlaskClient:
    source = ROOT / "functions" / target / "main.py"
    return functions_framework.create_app(target=target, source=str(source)).test_client()


@pytest.fixture
def client(runtime_dir: Path) -> FlaskClient:
    return function_client("captions")


def ask(client: FlaskClient, photo: Path | bytes, **fields: str) -> Any:
    data = photo if isinstance(photo, bytes) else photo.read_bytes()
    return client.post("/", **photo_form(data, **fields))


def answer(client: FlaskClient, photo: Path, **fields: str) -> dict[str, Any]:
    response = ask(client, photo, **fields)
    assert response.status_code == 200, response.get_json()
    body: dict[str, Any] = response.get_json()
    return body


def assert_well_formed(captions: list[dict[str, Any]]) -> None:
    for caption in captions:
        text = caption.get("caption", caption["text"])
        assert text[:1].isupper(), text
        assert text[-1] in ".!?" or EMOJI_END.search(text), text
        assert "  " not in text and text == text.strip(), text
        assert not re.search(r"#\w|@\w|https?://|[{}]", text), text
    for a, b in itertools.combinations(captions, 2):
        assert jaccard(tokens(a["text"]), tokens(b["text"])) < 0.6, (a["text"], b["text"])


def about(text: str, words: set[str]) -> bool:
    return bool(set(tokens(text)) & {w for w in words if w.isalpha()}) or any(
        w in text for w in words if not w.isalpha()
    )


@pytest.mark.parametrize("photo", [CAT, COFFEE], ids=["cat", "coffee"])
def test_a_clear_photo_gets_a_mix_of_tones_about_it_written_and_mined(
    client: FlaskClient, sample: None, photo: Path
) -> None:
    body = answer(client, photo)

    captions = body["captions"]
    assert len(captions) == 4
    assert {c["tone"] for c in captions} == {"casual", "funny", "inspirational", "minimal"}
    assert {c["source"] for c in captions} == {"photo", "posts"}
    assert all(about(c["text"], ABOUT[photo]) for c in captions), captions
    assert_well_formed(captions)
    assert body["subject"]["kind"] == "object"
    assert body["concepts"][0]["score"] >= 0.3


def test_mined_captions_are_cleaned_real_captions_of_the_corpus(
    client: FlaskClient, sample: None
) -> None:
    stored = [doc["caption"] for _, doc in runtime.documents().query(POSTS)]

    mined = [
        c["text"] for c in answer(client, COFFEE, count="8")["captions"] if c["source"] == "posts"
    ]

    assert mined
    for text in mined:
        assert any(set(tokens(text)) <= set(tokens(raw)) for raw in stored), text


@pytest.mark.parametrize(
    ("photo", "mood_words"),
    [(HEARTS, {"pink", "red"}), (BOKEH, {"golden", "lights", "sparkle"})],
    ids=["hearts", "bokeh"],
)
def test_an_unsure_photo_is_described_by_its_mood_and_never_mined(
    client: FlaskClient, sample: None, photo: Path, mood_words: set[str]
) -> None:
    body = answer(client, photo, count="6")

    guesses = {w for c in body["concepts"][:2] for w in tokens(c["label"])}
    assert body["subject"]["kind"] == "mood"
    assert body["concepts"][0]["score"] < 0.3
    assert len(body["captions"]) == 6
    assert {c["source"] for c in body["captions"]} == {"photo"}
    for caption in body["captions"]:
        assert about(caption["text"], mood_words | guesses), caption["text"]
    assert_well_formed(body["captions"])


@pytest.mark.parametrize("tone", ["casual", "funny", "inspirational", "minimal"])
def test_a_chosen_tone_is_the_tone_of_every_option(
    client: FlaskClient, sample: None, tone: str
) -> None:
    captions = answer(client, CAT, tone=tone, count="6")["captions"]

    assert len(captions) == 6
    assert {c["tone"] for c in captions} == {tone}
    assert_well_formed(captions)


def test_ten_options_in_one_tone_are_ten_different_captions(
    client: FlaskClient, sample: None
) -> None:
    for photo in (CAT, HEARTS):
        captions = answer(client, photo, tone="minimal", count="10")["captions"]

        assert len(captions) == 10
        assert_well_formed(captions)


def test_with_hashtags_appends_the_tags_functions_set_for_the_platform(
    client: FlaskClient, sample: None
) -> None:
    tags = function_client("tags").post(
        "/",
        data={"image": (io.BytesIO(CAT.read_bytes()), "cat.png"), "platform": "x"},
        content_type="multipart/form-data",
    )
    expected = [t["tag"] for t in tags.get_json()["recommended"]]

    body = answer(client, CAT, with_hashtags="true", platform="x")

    assert 1 <= len(expected) <= 2
    assert body["hashtags"] == expected
    suffix = " ".join(f"#{tag}" for tag in expected)
    for caption in body["captions"]:
        assert caption["text"] == f"{caption['caption']}\n\n{suffix}"
        assert "#" not in caption["caption"]
    assert_well_formed(body["captions"])


def test_without_with_hashtags_no_hashtag_is_added(client: FlaskClient, sample: None) -> None:
    body = answer(client, CAT, with_hashtags="false")

    assert "hashtags" not in body
    assert all("#" not in c["text"] for c in body["captions"])


def test_a_store_without_captions_still_fills_the_count(
    client: FlaskClient, published: Manifest
) -> None:
    body = answer(client, COFFEE, count="5")

    assert len(body["captions"]) == 5
    assert {c["source"] for c in body["captions"]} == {"photo"}
    assert_well_formed(body["captions"])


def test_a_failing_store_degrades_to_written_captions_with_a_warning(
    client: FlaskClient,
    published: Manifest,
    runtime_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A directory where the database file should be: the store cannot open.
    (runtime_dir / "documents.sqlite3").mkdir(parents=True)

    with caplog.at_level(logging.WARNING):
        body = answer(client, COFFEE)

    assert len(body["captions"]) == 4
    assert {c["source"] for c in body["captions"]} == {"photo"}
    assert "mining captions failed" in caplog.text


def test_the_answer_names_the_models_and_the_concepts(
    client: FlaskClient, published: Manifest
) -> None:
    body = answer(client, COFFEE)

    assert body["model_version"] == {"vision": published.version, "tags": published.version}
    assert body["concepts"][0]["label"] == "espresso"
    assert set(body["concepts"][0]) == {"label", "score", "category"}


def huge_png() -> bytes:
    """A tiny PNG whose header claims 100000 x 100000 pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="GIF")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("photo", "fields", "status", "says"),
    [
        (COFFEE, {"tone": "sarcastic"}, 400, "tone"),
        (COFFEE, {"count": "0"}, 400, "count"),
        (COFFEE, {"count": "11"}, 400, "count"),
        (COFFEE, {"count": "ten"}, 400, "count"),
        (COFFEE, {"count": "-3"}, 400, "count"),
        (COFFEE, {"platform": "myspace"}, 400, "platform"),
        (COFFEE, {"with_hashtags": "maybe"}, 400, "with_hashtags"),
        (b"", {}, 422, "empty"),
        (COFFEE.read_bytes()[:2000], {}, 422, "PNG"),
        (HEARTS.read_bytes()[:5000], {}, 422, "JPEG"),
        (gif(), {}, 415, "GIF"),
        (b"%PDF-1.7 not a photo", {}, 415, "PDF"),
        (huge_png(), {}, 413, "pixels"),
    ],
)
@pytest.mark.usefixtures("published")
def test_bad_input_is_a_4xx_naming_the_problem(
    client: FlaskClient,
    photo: Path | bytes,
    fields: dict[str, str],
    status: int,
    says: str,
) -> None:
    response = ask(client, photo, **fields)

    assert response.status_code == status
    assert says in response.get_json()["error"]["message"]


def test_requests_without_a_photo_are_refused(client: FlaskClient, published: Manifest) -> None:
    missing = client.post("/", data={"tone": "funny"}, content_type="multipart/form-data")
    as_json = client.post("/", json={"image": "cat.jpg"})
    as_get = client.get("/")

    assert missing.status_code == 400 and "image" in missing.get_json()["error"]["message"]
    assert as_json.status_code == 415
    assert as_get.status_code == 405


def test_a_body_over_the_cap_is_refused_before_it_is_read(
    client: FlaskClient, published: Manifest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSTATAG_MAX_REQUEST_BYTES", "2048")
    runtime.reset()

    announced = ask(client, COFFEE)
    # A chunked upload announces no length: only reading the form finds it too large.
    chunked = client.post(
        "/",
        input_stream=io.BytesIO(
            b"--b\r\nContent-Disposition: form-data; name=image" + b"x" * 4096
        ),
        content_type="multipart/form-data; boundary=b",
        environ_overrides={"wsgi.input_terminated": True},
    )

    for response in (announced, chunked):
        assert response.status_code == 413
        assert response.get_json()["error"]["code"] == "payload_too_large"


def test_a_missing_model_file_is_a_503_naming_it_until_one_is_published(
    client: FlaskClient, published: Manifest, model_files: dict[str, list[Path]]
) -> None:
    name = f"models/{published.version}/{MODEL_FILE}"
    runtime.blobs().delete(name)

    first, again = ask(client, COFFEE), ask(client, COFFEE)

    for response in (first, again):
        assert response.status_code == 503
        assert name in response.get_json()["error"]["message"]
    newer = publish(runtime.blobs(), model_files, version="29990101T000000Z")
    assert answer(client, COFFEE)["model_version"]["vision"] == newer.version


def test_a_corrupt_model_file_is_a_503_naming_it(client: FlaskClient, published: Manifest) -> None:
    name = f"models/{published.version}/{MODEL_FILE}"
    runtime.blobs().put(name, runtime.blobs().get(name)[:-100] + b"\0" * 100)

    response = ask(client, COFFEE)

    assert response.status_code == 503
    error = response.get_json()["error"]
    assert error["code"] == "unavailable"
    assert name in error["message"] and "corrupt" in error["message"]


def test_a_bad_newer_model_leaves_the_last_good_one_serving(
    client: FlaskClient,
    published: Manifest,
    model_files: dict[str, list[Path]],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert answer(client, COFFEE)["model_version"]["vision"] == published.version
    broken = tmp_path / "broken" / MODEL_FILE
    broken.parent.mkdir()
    broken.write_bytes(b"not an onnx model")
    publish(
        runtime.blobs(), {"vision": [broken, model_files["vision"][1]]}, version="29990101T000000Z"
    )

    with caplog.at_level(logging.WARNING):
        body = answer(client, COFFEE)

    assert body["model_version"]["vision"] == published.version
    assert "keeping vision model" in caplog.text


def test_import_takes_captions_likes_comments_and_dates(
    client: FlaskClient, published: Manifest, tmp_path: Path
) -> None:
    posts = [
        {"shortcode": "c1", "category": "food", "hashtags": ["#coffee"], "likes": 12,
         "comments": 2, "taken_at": "2026-11-02T08:00:00Z",
         "caption": "Espresso at the tiny bar by the station, again. #coffee @barista"},
        {"shortcode": "c2", "category": "food", "hashtags": ["#coffee", "#latteart"],
         "likes": 900, "comments": 40, "taken_at": 1793000000,
         "caption": "The coffee here ruins every other coffee for me."},
        {"shortcode": "n1", "category": "food", "hashtags": ["#coffee", "#beans"]},
        {"shortcode": "n2", "category": "food", "hashtags": ["#roastery"]},
    ]  # fmt: skip
    file = tmp_path / "posts.jsonl"
    file.write_text("\n".join(json.dumps(p) for p in posts) + "\n")

    assert cli.main(["import", str(file)]) == 0

    stored = dict(runtime.documents().query(POSTS))
    assert stored["c2"]["likes"] == 900 and stored["c2"]["comments"] == 40
    assert stored["c1"]["taken_at"].startswith("2026-11-02T08:00:00")
    assert stored["n2"]["hashtags"] == ["roastery"] and stored["n2"]["caption"] == ""
    captions = answer(client, COFFEE, tone="casual", count="6")["captions"]
    mined = [c["text"] for c in captions if c["source"] == "posts"]
    assert "Espresso at the tiny bar by the station, again." in mined


def test_the_command_prints_options_or_the_json_answer(
    published: Manifest, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["captions", str(COFFEE), "--count", "3", "--json"]) == 0
    printed = capsys.readouterr().out
    body = json.loads(printed[printed.index("{\n") :])

    assert len(body["captions"]) == 3
    assert cli.main(["captions", str(COFFEE), "--tone", "funny", "--count", "2"]) == 0
    shown = capsys.readouterr().out
    assert "About: an espresso" in shown
    assert shown.count("[funny, written from the photo]") == 2


def test_the_command_refuses_a_missing_file(
    published: Manifest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["captions", str(tmp_path / "nope.jpg")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_a_new_instance_answers_before_its_store_connects_and_mines_once_it_has(
    sample: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSTATAG_CAPTIONS__MINED_FIRST_WAIT_SECONDS", "0")
    runtime.reset()
    gate = threading.Event()

    def slow_store() -> DocumentStore:
        gate.wait(timeout=30)
        return runtime.documents()

    captions = CaptionService(runtime.settings(), tag_service.service(), slow_store)
    request = CaptionRequest(image=COFFEE.read_bytes())

    first = captions.answer(request)
    gate.set()
    assert captions.store.ready.wait(timeout=30)
    # The runtime fixture lets a connected instance wait long for its queries.
    later = captions.answer(request)

    assert [o.source for o in first.captions] == ["photo"] * 4
    assert "posts" in [o.source for o in later.captions]
