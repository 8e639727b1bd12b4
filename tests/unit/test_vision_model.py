"""The built vision model: its files, its graph, and what it says about photos."""

from __future__ import annotations

import io
import json
import math
import shutil
from pathlib import Path

import numpy as np
import onnx
import pytest
from instatag.errors import BadRequest, Unavailable, UnsupportedMediaType
from instatag.settings import DEFAULT_CATEGORIES
from instatag.vision.imaging import load_image, to_tensor
from instatag.vision.model import VisionModel, softmax
from PIL import Image

from models.vision.build import LABELS_FILE, MODEL_FILE, build_vision

TEAM_IMAGES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "images"
TEAM_PHOTOS = sorted(TEAM_IMAGES.glob("*.jpeg"))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vision")
    build_vision(out)
    return out


@pytest.fixture(scope="session")
def model(built: Path) -> VisionModel:
    return VisionModel(built / MODEL_FILE, built / LABELS_FILE, model_version="test-1")


@pytest.fixture(scope="session")
def labels(built: Path) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = json.loads((built / LABELS_FILE).read_text())
    return entries


def by_wnid(labels: list[dict[str, object]], wnid: str) -> dict[str, object]:
    return next(entry for entry in labels if entry["wnid"] == wnid)


def jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def test_the_onnx_model_is_valid_and_names_its_inputs_and_outputs(built: Path) -> None:
    proto = onnx.load(str(built / MODEL_FILE))

    onnx.checker.check_model(proto, full_check=True)
    assert [i.name for i in proto.graph.input] == ["image"]
    assert {o.name for o in proto.graph.output} == {"logits", "embedding"}
    assert not any(node.op_type == "BatchNormalization" for node in proto.graph.node)


def test_a_batch_gives_logits_and_embeddings_per_image(model: VisionModel) -> None:
    batch = np.random.default_rng(3).uniform(-1, 1, (2, 3, 224, 224)).astype(np.float32)

    logits, embedding = model.predict(batch)

    assert logits.shape == (2, 1000)
    assert embedding.shape == (2, 1280)
    assert np.isfinite(logits).all()
    # The embedding is an average of ReLU6 outputs.
    assert embedding.min() >= 0.0
    assert embedding.max() <= 6.0


def test_probabilities_over_all_classes_sum_to_one(model: VisionModel) -> None:
    analysis = model.analyse(jpeg(Image.new("RGB", (320, 240), (40, 120, 200))), top_k=1000)

    scores = [concept.score for concept in analysis.concepts]
    assert len(scores) == 1000
    assert math.fsum(scores) == pytest.approx(1.0, abs=1e-9)
    assert scores == sorted(scores, reverse=True)
    assert len({concept.label for concept in analysis.concepts}) >= 990


@pytest.mark.skipif(not TEAM_PHOTOS, reason="the team photos are not beside the repository")
@pytest.mark.parametrize("photo", TEAM_PHOTOS, ids=lambda p: p.stem)
def test_team_photos_produce_concepts_with_words(model: VisionModel, photo: Path) -> None:
    analysis = model.analyse(photo.read_bytes())

    assert len(analysis.concepts) == 5
    assert analysis.model_version == "test-1"
    assert len(analysis.embedding) == 1280
    assert all(math.isfinite(x) for x in analysis.embedding)
    for concept in analysis.concepts:
        assert concept.label
        assert 0.0 < concept.score < 1.0
        assert concept.words
        assert all(word == word.lower() and word.isascii() for word in concept.words)
        assert concept.category is None or concept.category in DEFAULT_CATEGORIES


def test_the_same_photo_in_another_format_sees_the_same_thing(model: VisionModel) -> None:
    if not TEAM_PHOTOS:
        pytest.skip("the team photos are not beside the repository")
    photo = Image.open(TEAM_PHOTOS[0]).convert("RGB")
    buffer = io.BytesIO()
    photo.save(buffer, format="PNG")

    from_jpeg = model.analyse(TEAM_PHOTOS[0].read_bytes())
    from_png = model.analyse(buffer.getvalue())

    assert from_png.concepts[0].label == from_jpeg.concepts[0].label


def test_analysis_matches_the_raw_model_output(model: VisionModel) -> None:
    image = Image.new("RGB", (300, 300), (200, 30, 30))
    image.paste((250, 250, 250), (100, 100, 200, 200))

    analysis = model.analyse(jpeg(image), top_k=3)
    logits, embedding = model.predict(to_tensor(load_image(jpeg(image), min_side=256)))

    probabilities = softmax(logits[0])
    top = np.argsort(-probabilities)[:3]
    assert [c.score for c in analysis.concepts] == pytest.approx(probabilities[top].tolist())
    np.testing.assert_allclose(analysis.embedding, embedding[0], rtol=1e-6)


def test_top_k_must_be_positive(model: VisionModel) -> None:
    with pytest.raises(BadRequest):
        model.analyse(jpeg(Image.new("RGB", (64, 64))), top_k=0)


def test_bad_uploads_raise_the_upload_errors(model: VisionModel) -> None:
    with pytest.raises(UnsupportedMediaType):
        model.analyse(b"GIF89a" + b"\x00" * 64)


def test_every_class_has_a_label_words_and_a_known_category(
    labels: list[dict[str, object]],
) -> None:
    assert len(labels) == 1000
    assert len({entry["wnid"] for entry in labels}) == 1000
    for entry in labels:
        words = entry["words"]
        assert entry["label"]
        assert isinstance(words, list)
        assert words
        assert len(words) == len(set(words))
        assert entry["category"] is None or entry["category"] in DEFAULT_CATEGORIES


def test_class_words_come_from_the_name_wordnet_and_the_gloss(
    labels: list[dict[str, object]],
) -> None:
    tabby = by_wnid(labels, "n02123045")
    pizza = by_wnid(labels, "n07873807")
    volcano = by_wnid(labels, "n09472597")

    assert tabby["words"][:2] == ["tabby", "cat"]
    assert "feline" in tabby["words"]
    assert {"pizza", "dish", "cheese", "tomato"} <= set(pizza["words"])
    assert {"volcano", "mountain"} <= set(volcano["words"])
    for entry in (tabby, pizza, volcano):
        assert not {"a", "the", "of", "with", "is", "used"} & set(entry["words"])


def test_categories_follow_wordnet_hypernyms(labels: list[dict[str, object]]) -> None:
    expected = {
        "n02123045": "animals",  # tabby cat
        "n01440764": "animals",  # tench
        "n07873807": "food",  # pizza
        "n07753592": "food",  # banana: edible fruit before botany
        "n09472597": "nature",  # volcano
        "n02892767": "fashion",  # bra
        "n02676566": "music",  # acoustic guitar
        "n03255030": "fitness",  # dumbbell
        "n04254680": "sports",  # soccer ball
        "n10148035": "wedding",  # bridegroom
        "n04069434": "photography",  # reflex camera
        "n02690373": "travel",  # airliner
        "n03676483": "beauty",  # lipstick
        "n03876231": "art",  # paintbrush
        "n03782006": None,  # monitor
    }
    assert {wnid: by_wnid(labels, wnid)["category"] for wnid in expected} == expected


def test_the_model_records_the_preprocessing_the_runtime_applies(built: Path) -> None:
    proto = onnx.load(str(built / MODEL_FILE))

    props = {p.key: p.value for p in proto.metadata_props}

    assert props["pixel_mean"] == "127.0"
    assert props["pixel_std"] == "128.0"
    assert props["input_size"] == "224"


def test_a_model_built_for_other_preprocessing_is_refused(built: Path, tmp_path: Path) -> None:
    proto = onnx.load(str(built / MODEL_FILE))
    for prop in proto.metadata_props:
        if prop.key == "pixel_mean":
            prop.value = "0.485"
    onnx.save(proto, tmp_path / MODEL_FILE)

    with pytest.raises(Unavailable, match="preprocessing"):
        VisionModel(tmp_path / MODEL_FILE, built / LABELS_FILE)


def test_missing_or_mismatched_files_make_the_model_unavailable(
    built: Path, tmp_path: Path
) -> None:
    with pytest.raises(Unavailable):
        VisionModel(tmp_path / "absent.onnx", built / LABELS_FILE)

    short = tmp_path / LABELS_FILE
    short.write_text(json.dumps(json.loads((built / LABELS_FILE).read_text())[:999]))
    with pytest.raises(Unavailable, match="999"):
        VisionModel(built / MODEL_FILE, short)

    broken = tmp_path / "broken.onnx"
    shutil.copyfile(built / MODEL_FILE, broken)
    broken.write_bytes(broken.read_bytes()[:1000])
    with pytest.raises(Unavailable):
        VisionModel(broken, built / LABELS_FILE)
