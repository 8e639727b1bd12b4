"""The tags model at request time: ALS item factors, the vocabulary and its counts, numpy only.

`models/tags/train.py` writes the two files read here:

- `tags-factors.npz`: `item_factors` (float32, tags x factors), `gram` (float64, the factors'
  Gram matrix YᵀY, for folding in), `doc_freq` (int32, posts per tag) and `category_counts`
  (int32, tags x categories).
- `tags-vocab.json`: the tags in factor order, the words of each tag, the categories and their
  post counts, the tier thresholds, the ALS parameters the fold-in needs and the blend weights.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

from instatag.hashtags.text import content_stems

FACTORS_FILE = "tags-factors.npz"
VOCAB_FILE = "tags-vocab.json"
FORMAT = 1
KIND = "tags"

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]


def one_blas_thread() -> contextlib.AbstractContextManager[object]:
    """Run the enclosed numpy on one BLAS thread. Scoring is a few small BLAS calls; on a
    function's one or two vCPUs a second BLAS thread mostly waits for a CPU that onnxruntime
    or another process holds, and under load that wait costs more than the thread saves."""
    limited: contextlib.AbstractContextManager[object] = _threadpools().limit(
        limits=1, user_api="blas"
    )
    return limited


@functools.cache
def _threadpools() -> ThreadpoolController:
    return ThreadpoolController()


@dataclass(frozen=True)
class Blend:
    """Weights of the parts of a tag's score next to the ALS prediction (weight 1).

    `popularity`: log document frequency; `category`: how common the tag is in the categories
    the request points to; `words`: sharing words with the user's own hashtags; `seeds`: being
    matched directly by the photo's concepts or the typed words. The first three are tuned by
    `python -m models.tags.tune` and written into each trained model; `seeds` cannot be tuned
    on a corpus without photos or captions, and weighs as much as the ALS prediction.
    """

    popularity: float = 0.0
    category: float = 0.2
    words: float = 0.05
    seeds: float = 1.0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Blend:
        known = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in data.items() if k in known})


@dataclass(frozen=True)
class Tiers:
    """Document-frequency thresholds: popular from `popular` posts up, medium from `medium`."""

    popular: int
    medium: int

    def of(self, doc_freq: int) -> str:
        if doc_freq >= self.popular:
            return "popular"
        return "medium" if doc_freq >= self.medium else "niche"


class WordIndex:
    """Tags by the stems of their words, for matching words to tags without a segmenter."""

    def __init__(self, tag_words: Sequence[str]) -> None:
        stem_ids: dict[str, int] = {}
        pairs: list[tuple[int, int]] = []
        for tag_id, words in enumerate(tag_words):
            for word in content_stems(words.split()):
                pairs.append((stem_ids.setdefault(word, len(stem_ids)), tag_id))

        table = np.array(pairs, dtype=np.int32).reshape(-1, 2)
        table = table[np.argsort(table[:, 0], kind="stable")]
        counts = np.bincount(table[:, 0], minlength=len(stem_ids))

        self._stems = stem_ids
        self._tags = np.ascontiguousarray(table[:, 1])
        self._offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.idf = np.log1p(len(tag_words) / np.maximum(counts, 1)).astype(np.float32)
        weight = np.zeros(len(tag_words), dtype=np.float32)
        np.add.at(weight, self._tags, self.idf[table[:, 0]])
        self._weight = weight

    def tags_with(self, stem: str) -> IntArray:
        sid = self._stems.get(stem)
        if sid is None:
            return np.empty(0, dtype=np.int32)
        return self._tags[self._offsets[sid] : self._offsets[sid + 1]]

    def match(self, query: Mapping[str, float]) -> tuple[IntArray, FloatArray]:
        """Tags sharing stems with the query, and the idf-weighted share of each tag's words
        the query covers (1.0: every word of the tag, at full query weight)."""
        hits, gains = [], []
        for stem, weight in query.items():
            tags = self.tags_with(stem)
            if tags.size:
                hits.append(tags)
                gains.append(np.full(tags.size, weight * self.idf[self._stems[stem]], np.float32))
        if not hits:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
        ids, where = np.unique(np.concatenate(hits), return_inverse=True)
        total = np.bincount(where, weights=np.concatenate(gains)).astype(np.float32)
        ids = ids.astype(np.int32)
        return ids, np.minimum(total / np.maximum(self._weight[ids], 1e-9), 1.0)


class TagModel:
    """Hashtags with their ALS factors, counts and words; scores tags for a set of seeds."""

    def __init__(
        self,
        *,
        tags: Sequence[str],
        words: Sequence[str],
        factors: FloatArray,
        gram: npt.NDArray[np.float64],
        doc_freq: IntArray,
        category_counts: IntArray,
        categories: Sequence[str],
        category_posts: Sequence[int],
        posts: int,
        regularization: float,
        alpha: float,
        tiers: Tiers,
        blend: Blend,
        version: str = "",
    ) -> None:
        n, f = factors.shape
        _check_shapes(
            (n, f),
            tags=((len(tags),), (n,)),
            words=((len(words),), (n,)),
            gram=(gram.shape, (f, f)),
            doc_freq=(doc_freq.shape, (n,)),
            category_counts=(category_counts.shape, (n, len(categories))),
        )
        self.tags = list(tags)
        self.index = {tag: i for i, tag in enumerate(self.tags)}
        if len(self.index) != n:
            raise ValueError("the tag vocabulary has repeated tags")
        self.words = list(words)
        self.factors = np.ascontiguousarray(factors, dtype=np.float32)
        self.gram = np.asarray(gram, dtype=np.float64)
        self.doc_freq = np.asarray(doc_freq, dtype=np.int32)
        self.categories = list(categories)
        self.category_index = {c: i for i, c in enumerate(self.categories)}
        self.category_counts = np.asarray(category_counts, dtype=np.int32)
        posts_per_category = np.maximum(np.asarray(category_posts, dtype=np.float32), 1.0)
        self.category_share = (self.category_counts / posts_per_category).astype(np.float32)
        self.posts = posts
        self.regularization = regularization
        self.alpha = alpha
        self.tiers = tiers
        self.blend = blend
        self.version = version
        top = math.log1p(max(int(self.doc_freq.max(initial=0)), 1))
        self.popularity = (np.log1p(self.doc_freq) / top).astype(np.float32)
        self.word_index = WordIndex(self.words)

    def __len__(self) -> int:
        return len(self.tags)

    @classmethod
    def load(cls, factors_path: Path, vocab_path: Path, version: str = "") -> TagModel:
        """Read the two model files; a malformed file raises ValueError or KeyError."""
        vocab = json.loads(vocab_path.read_text(encoding="utf-8"))
        if vocab.get("format") != FORMAT:
            raise ValueError(f"{vocab_path.name} has format {vocab.get('format')}, not {FORMAT}")
        with np.load(factors_path, allow_pickle=False) as arrays:
            return cls(
                tags=vocab["tags"],
                words=vocab["words"],
                factors=arrays["item_factors"],
                gram=arrays["gram"],
                doc_freq=arrays["doc_freq"],
                category_counts=arrays["category_counts"],
                categories=vocab["categories"],
                category_posts=vocab["category_posts"],
                posts=int(vocab["posts"]),
                regularization=float(vocab["als"]["regularization"]),
                alpha=float(vocab["als"]["alpha"]),
                tiers=Tiers(**vocab["tiers"]),
                blend=Blend.from_json(vocab.get("blend", {})),
                version=version,
            )

    def ids(self, tags: Iterable[str]) -> list[int]:
        """The ids of the tags this model knows, in order, each once."""
        return list(dict.fromkeys(i for t in tags if (i := self.index.get(t)) is not None))

    def user_vector(self, items: Sequence[int], strengths: Sequence[float]) -> FloatArray:
        """Fold a new "post" holding `items` into the model, as one ALS half-step does:
        u = (YᵀY + λI + Yₛᵀ(C - I)Yₛ)⁻¹ Yₛᵀ C 1, with confidence C = alpha x strength."""
        ys = self.factors[np.asarray(items, dtype=np.int64)].astype(np.float64)
        confidence = np.maximum(self.alpha * np.asarray(strengths, dtype=np.float64), 1.0)
        a = self.gram + self.regularization * np.eye(self.gram.shape[0])
        a += (ys.T * (confidence - 1.0)) @ ys
        return np.linalg.solve(a, ys.T @ confidence).astype(np.float32)

    def predict(self, user: FloatArray) -> FloatArray:
        """The ALS preference of every tag for a folded-in user."""
        return self.factors @ user

    def category_mix(
        self, items: Sequence[int], strengths: Sequence[float], seen: Mapping[str, float]
    ) -> FloatArray | None:
        """How much a request points to each category: from its seed tags' categories and the
        categories seen in the photo; None when it points nowhere."""
        mix = np.zeros(len(self.categories), dtype=np.float32)
        if len(items):
            weights = np.asarray(strengths, dtype=np.float32)
            shares = self.category_share[np.asarray(items, dtype=np.int64)]
            totals = shares.sum(axis=1, keepdims=True)
            mix += weights @ (shares / np.maximum(totals, 1e-9))
        for category, weight in seen.items():
            if (c := self.category_index.get(category)) is not None:
                mix[c] += weight
        total = float(mix.sum())
        return mix / total if total > 0 else None

    def category_popularity(self, mix: FloatArray) -> FloatArray:
        """How common each tag is in the mixed categories, the most common scoring 1."""
        share = self.category_share @ mix
        top = float(share.max(initial=0.0))
        return share / top if top > 0 else share

    def tier(self, tag_id: int) -> str:
        return self.tiers.of(int(self.doc_freq[tag_id]))

    def top_category(self, tag_id: int) -> str | None:
        counts = self.category_counts[tag_id]
        return self.categories[int(counts.argmax())] if counts.size and counts.max() > 0 else None


def _check_shapes(size: tuple[int, int], **parts: tuple[tuple[int, ...], tuple[int, ...]]) -> None:
    """Each part's (actual, expected) shape must agree."""
    wrong = {name: got for name, (got, want) in parts.items() if got != want}
    if wrong or size[0] == 0:
        raise ValueError(
            f"the tags model's parts do not fit {size[0]} x {size[1]} factors: {wrong}"
        )
