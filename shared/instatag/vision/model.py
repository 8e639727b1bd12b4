"""The image model at request time: EfficientNet-Lite0 in onnxruntime.

`models/vision/build.py` writes the two files this reads: `vision.onnx` (inputs `image`
[N,3,224,224], outputs `logits` [N,1000] and `embedding` [N,1280]) and `vision-labels.json`
(per class: `label`, `words`, `category`).
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
from PIL import Image

from instatag.concepts import Analysis, Concept
from instatag.errors import BadRequest, Unavailable
from instatag.vision.imaging import (
    DEFAULT_MAX_PIXELS,
    INPUT_SIZE,
    PIXEL_MEAN,
    PIXEL_STD,
    RESIZE_SIZE,
    load_image,
    to_tensor,
)

logger = logging.getLogger(__name__)

INPUT_NAME = "image"
LOGITS_NAME = "logits"
EMBEDDING_NAME = "embedding"
# A function instance has one or two vCPUs and serves one request at a time.
MAX_DEFAULT_THREADS = 2
# What the model was built to expect, as the build records it in the ONNX metadata.
PREPROCESSING = {
    "input_size": str(INPUT_SIZE),
    "resize_size": str(RESIZE_SIZE),
    "pixel_mean": str(PIXEL_MEAN),
    "pixel_std": str(PIXEL_STD),
}


@dataclass(frozen=True)
class ClassInfo:
    label: str
    words: tuple[str, ...]
    category: str | None


class VisionModel:
    """What a photo shows: the top ImageNet classes as concepts, plus a 1280-d embedding.

    One onnxruntime session per instance, created here and reused by every call; `analyse`
    is safe to call from several threads.
    """

    def __init__(
        self,
        model_path: Path,
        labels_path: Path,
        model_version: str = "",
        *,
        threads: int | None = None,
        max_pixels: int = DEFAULT_MAX_PIXELS,
    ) -> None:
        self.model_version = model_version
        self.max_pixels = max_pixels
        self.session = _open_session(model_path, threads)
        self.classes = _load_classes(labels_path)
        _check_model(self.session, len(self.classes))

    def analyse(self, image_bytes: bytes, top_k: int = 5) -> Analysis:
        """Decode an upload and analyse it; bad uploads raise 413/415/422 errors."""
        started = time.perf_counter()
        image = load_image(image_bytes, max_pixels=self.max_pixels, min_side=RESIZE_SIZE)
        decoded = time.perf_counter()
        analysis = self.analyse_image(image, top_k)
        logger.debug(
            "analysed %dx%d image: decode %.1f ms, model %.1f ms",
            image.width,
            image.height,
            (decoded - started) * 1000,
            (time.perf_counter() - decoded) * 1000,
        )
        return analysis

    def analyse_image(self, image: Image.Image, top_k: int = 5) -> Analysis:
        """Analyse an RGB image that is already decoded."""
        if top_k < 1:
            raise BadRequest("top_k must be at least 1")
        logits, embedding = self.predict(to_tensor(image))
        probabilities = softmax(logits[0])
        top = np.argsort(-probabilities, kind="stable")[:top_k]
        concepts = tuple(self._concept(int(i), float(probabilities[i])) for i in top)
        return Analysis(
            concepts=concepts,
            embedding=tuple(embedding[0].tolist()),
            model_version=self.model_version,
        )

    def predict(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Raw model outputs for a [N,3,224,224] batch: logits [N,1000], embedding [N,1280]."""
        try:
            logits, embedding = self.session.run(
                [LOGITS_NAME, EMBEDDING_NAME], {INPUT_NAME: batch}
            )
        except Exception as exc:
            raise Unavailable(f"the vision model failed to run: {exc}") from exc
        return np.asarray(logits), np.asarray(embedding)

    def _concept(self, index: int, score: float) -> Concept:
        info = self.classes[index]
        return Concept(label=info.label, score=score, words=info.words, category=info.category)


def softmax(logits: np.ndarray) -> np.ndarray:
    """Probabilities from logits, computed in float64 so they sum to 1 to rounding."""
    shifted = logits.astype(np.float64) - np.max(logits)
    exp = np.exp(shifted)
    return np.asarray(exp / exp.sum())


def default_threads() -> int:
    return max(1, min(MAX_DEFAULT_THREADS, os.cpu_count() or 1))


def _open_session(model_path: Path, threads: int | None) -> Any:
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or default_threads()
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Idle worker threads would spin on a CPU the decoder or another request needs.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return ort.InferenceSession(
            str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
    except Exception as exc:
        raise Unavailable(f"the vision model at {model_path} cannot be loaded: {exc}") from exc


def _load_classes(labels_path: Path) -> list[ClassInfo]:
    try:
        entries = json.loads(labels_path.read_text(encoding="utf-8"))
        return [_class_info(entry) for entry in entries]
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise Unavailable(f"the vision labels at {labels_path} cannot be read: {exc}") from exc


def _class_info(entry: dict[str, Any]) -> ClassInfo:
    label, words, category = entry["label"], entry["words"], entry["category"]
    if not isinstance(label, str) or not all(isinstance(w, str) for w in words):
        raise ValueError(f"malformed class entry {entry!r}")
    if category is not None and not isinstance(category, str):
        raise ValueError(f"malformed category in {entry!r}")
    return ClassInfo(label=label, words=tuple(words), category=category)


def _check_model(session: Any, num_classes: int) -> None:
    """Refuse a model whose outputs or preprocessing do not match these labels and this code."""
    outputs = {o.name: o.shape for o in session.get_outputs()}
    if outputs.get(LOGITS_NAME, [None, None])[1] != num_classes or EMBEDDING_NAME not in outputs:
        raise Unavailable(
            f"the vision model's outputs {outputs} do not fit {num_classes} labelled classes"
        )
    recorded = session.get_modelmeta().custom_metadata_map
    mismatched = {k: recorded.get(k) for k, v in PREPROCESSING.items() if recorded.get(k) != v}
    if mismatched:
        raise Unavailable(f"the vision model expects different preprocessing: {mismatched}")
