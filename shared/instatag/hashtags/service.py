"""Hashtags for a request: the models this process loaded, and the answer the function sends.

The tags and vision models load lazily through the model store, once per instance, and are
refreshed when a newer version is published. A request with words or hashtags still gets an
answer when only the vision model is missing.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from instatag import runtime
from instatag.concepts import Concept
from instatag.errors import BadRequest, Unavailable
from instatag.hashtags.choose import Blocklist
from instatag.hashtags.model import FACTORS_FILE, VOCAB_FILE, TagModel
from instatag.hashtags.recommend import Recommendation, recommend
from instatag.modelstore import LoadedModel, Manifest, ModelStore
from instatag.settings import Settings

if TYPE_CHECKING:
    from instatag.vision.model import VisionModel

logger = logging.getLogger(__name__)

VISION_MODEL_FILE = "vision.onnx"
VISION_LABELS_FILE = "vision-labels.json"
MAX_TEXT = 2000
MAX_HASHTAGS = 60


@dataclass(frozen=True)
class TagRequest:
    """What the caller sent, already parsed."""

    image: bytes | None = None
    text: str = ""
    hashtags: tuple[str, ...] = ()
    platform: str = "instagram"
    limit: int = 15

    def check(self, settings: Settings) -> TagRequest:
        """This request if it is complete and in range, else `BadRequest` naming the problem."""
        sizes = settings.tags.platform_sizes
        if self.platform not in sizes:
            raise BadRequest(f"unknown platform {self.platform!r}; use one of {sorted(sizes)}")
        if not 1 <= self.limit <= settings.tags.max_limit:
            raise BadRequest(f"`limit` must be between 1 and {settings.tags.max_limit}")
        if self.image is None and not self.text.strip() and not self.hashtags:
            raise BadRequest("send an `image`, some `text` or a list of `hashtags`")
        if len(self.text) > MAX_TEXT:
            raise BadRequest(f"`text` is longer than {MAX_TEXT} characters")
        if len(self.hashtags) > MAX_HASHTAGS:
            raise BadRequest(f"send at most {MAX_HASHTAGS} `hashtags`")
        return self


@dataclass(frozen=True)
class TagAnswer:
    """The answer to one request, as JSON goes out."""

    recommendation: Recommendation
    platform: str
    concepts: tuple[Concept, ...] = ()
    model_version: Mapping[str, str | None] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "platform": self.platform,
            "recommended": [t.to_json() for t in self.recommendation.recommended],
            "copy": self.recommendation.copy_text,
            "tags": [t.to_json() for t in self.recommendation.tags],
            "concepts": [concept.to_json() for concept in self.concepts],
            "model_version": dict(self.model_version),
        }
        if self.recommendation.unknown_hashtags:
            body["unknown_hashtags"] = self.recommendation.unknown_hashtags
        if self.notes:
            body["notes"] = list(self.notes)
        return body


class TagService:
    """Answers tag requests with the newest published models."""

    def __init__(self, store: ModelStore, settings: Settings) -> None:
        self.settings = settings
        self.tags = LoadedModel(store, "tags", _load_tags)
        self.vision: LoadedModel[VisionModel] = LoadedModel(store, "vision", _load_vision)
        self.blocked = Blocklist(settings.blocked_hashtags)

    def answer(self, request: TagRequest) -> TagAnswer:
        request.check(self.settings)
        model, vision, notes = self._models(request)

        concepts: tuple[Concept, ...] = ()
        if vision is not None and request.image is not None:
            analysis = vision.analyse(request.image, top_k=self.settings.tags.top_concepts)
            concepts = analysis.concepts

        recommendation = recommend(
            model,
            hashtags=request.hashtags,
            text=request.text,
            concepts=concepts,
            set_size=self.settings.tags.platform_sizes[request.platform],
            limit=request.limit,
            blocked=self.blocked,
        )
        if not recommendation.tags:
            notes.append("no hashtag is left to recommend")
        return TagAnswer(
            recommendation=recommendation,
            platform=request.platform,
            concepts=concepts,
            model_version={
                "tags": model.version,
                "vision": vision.model_version if vision else None,
            },
            notes=tuple(notes),
        )

    def _models(self, request: TagRequest) -> tuple[TagModel, VisionModel | None, list[str]]:
        """The models the request needs; 503 naming every missing one it cannot do without."""
        missing: list[str] = []
        notes: list[str] = []
        model = vision = None
        try:
            model = self.tags.get()
        except Unavailable as exc:
            missing.append(str(exc))
        if request.image is not None:
            try:
                vision = self.vision.get()
            except Unavailable as exc:
                if request.text.strip() or request.hashtags:
                    notes.append(f"the photo was not analysed: {exc}")
                else:
                    missing.append(str(exc))
        if model is None or missing:
            raise Unavailable("; ".join(missing))
        return model, vision, notes


def _load_tags(manifest: Manifest, paths: Mapping[str, Path]) -> TagModel:
    factors, vocab = _require(manifest, paths, FACTORS_FILE, VOCAB_FILE)
    return TagModel.load(factors, vocab, manifest.version)


def _load_vision(manifest: Manifest, paths: Mapping[str, Path]) -> VisionModel:
    from instatag.vision.model import VisionModel

    model, labels = _require(manifest, paths, VISION_MODEL_FILE, VISION_LABELS_FILE)
    return VisionModel(model, labels, manifest.version)


def _require(manifest: Manifest, paths: Mapping[str, Path], *names: str) -> list[Path]:
    absent = [name for name in names if name not in paths]
    if absent:
        raise Unavailable(f"model version {manifest.version} lacks {', '.join(absent)}")
    return [paths[name] for name in names]


def model_store(settings: Settings | None = None) -> ModelStore:
    """The model store of this process, on its blob store and cache directory."""
    settings = settings or runtime.settings()
    return ModelStore(
        runtime.blobs(),
        settings.models.cache_dir,
        prefix=settings.models.prefix,
        refresh_seconds=settings.models.refresh_seconds,
    )


@functools.cache
def service() -> TagService:
    """This process's tag service, built on first use."""
    settings = runtime.settings()
    return TagService(model_store(settings), settings)


def reset() -> None:
    """Forget the loaded models, so the next request reads the settings and models anew."""
    service.cache_clear()
