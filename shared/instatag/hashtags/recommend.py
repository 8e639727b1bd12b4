"""A recommendation: the ranked tags with tiers and reasons, and the set for one platform."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from instatag.concepts import Concept
from instatag.hashtags.choose import Blocklist, Candidate, recommended_set
from instatag.hashtags.model import TagModel, one_blas_thread
from instatag.hashtags.seeds import Scored, Seeds, collect, score
from instatag.hashtags.text import content_stems

MAX_REASONS = 3
# A part of the score this large is worth telling as a reason.
ALS_REASON = 0.1
CATEGORY_REASON = 0.05
# Candidates looked at beyond the list's length, so every tier has some to choose from.
EXTRA_CANDIDATES = 30


@dataclass(frozen=True)
class TagResult:
    tag: str
    score: float
    tier: str
    reasons: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "tag": self.tag,
            "score": round(self.score, 4),
            "tier": self.tier,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class Recommendation:
    recommended: list[TagResult]
    tags: list[TagResult]
    unknown_hashtags: list[str] = field(default_factory=list)

    @property
    def copy_text(self) -> str:
        return " ".join(f"#{t.tag}" for t in self.recommended)


def recommend(
    model: TagModel,
    *,
    hashtags: Sequence[str] = (),
    text: str = "",
    concepts: Sequence[Concept] = (),
    set_size: int = 5,
    limit: int = 15,
    blocked: Blocklist | None = None,
) -> Recommendation:
    """Rank the model's tags for a request and pick the set to post."""
    with one_blas_thread():
        seeds = collect(model, hashtags, text, concepts)
        scored = score(model, seeds)
    pool = _pool(model, scored, max(limit, set_size) + EXTRA_CANDIDATES, blocked or Blocklist())

    candidates = {
        i: Candidate(model.tags[i], float(scored.total[i]), model.tier(i), model.words[i])
        for i in pool
    }
    chosen = {c.tag for c in recommended_set(list(candidates.values()), set_size)}
    shown = pool[:limit] + [i for i in pool[limit:] if candidates[i].tag in chosen]
    results = {i: _result(model, seeds, scored, candidates[i], i) for i in shown}
    return Recommendation(
        recommended=[r for r in results.values() if r.tag in chosen],
        tags=[results[i] for i in pool[:limit]],
        unknown_hashtags=seeds.unknown,
    )


def _pool(model: TagModel, scored: Scored, size: int, blocked: Blocklist) -> list[int]:
    """The best-scoring tags that are neither blocked nor the user's own, best first."""
    total = scored.total
    wanted = min(len(total), 2 * size)
    while True:
        order = top_indices(total, wanted)
        keep = [i for i in order if np.isfinite(total[i]) and model.tags[i] not in blocked]
        if len(keep) >= size or wanted == len(total):
            return keep[:size]
        wanted = min(len(total), 4 * wanted)


def top_indices(values: np.ndarray, k: int) -> list[int]:
    """Indices of the `k` largest values, largest first."""
    found = np.argpartition(-values, k - 1)[:k] if k < len(values) else np.arange(len(values))
    ordered: list[int] = found[np.argsort(-values[found], kind="stable")].tolist()
    return ordered


def _result(
    model: TagModel, seeds: Seeds, scored: Scored, candidate: Candidate, tag_id: int
) -> TagResult:
    return TagResult(
        tag=candidate.tag,
        score=candidate.score,
        tier=candidate.tier,
        reasons=tuple(_reasons(model, seeds, scored, tag_id)),
    )


def _reasons(model: TagModel, seeds: Seeds, scored: Scored, tag_id: int) -> list[str]:
    found: list[tuple[float, str]] = []
    stems = tuple(content_stems(model.words[tag_id].split()))
    for source in seeds.sources:
        if (reason := source.reason(model, tag_id, stems)) is not None:
            found.append(reason)
    if (companion := _companion(model, scored, tag_id)) is not None:
        found.append(companion)
    if (category := _category(model, scored, tag_id)) is not None:
        found.append(category)

    texts = list(dict.fromkeys(text for _, text in sorted(found, key=lambda r: -r[0])))
    if not texts:
        texts = [f"used in {int(model.doc_freq[tag_id])} posts"]
    return texts[:MAX_REASONS]


def _companion(model: TagModel, scored: Scored, tag_id: int) -> tuple[float, str] | None:
    """The seed tag the ALS model most associates with this one."""
    als = float(scored.als[tag_id])
    others = [i for i in scored.folded if i != tag_id]
    if als < ALS_REASON or not others:
        return None
    affinity = model.factors[np.asarray(others)] @ model.factors[tag_id]
    best = others[int(np.argmax(affinity))]
    return als, f"often used with #{model.tags[best]}"


def _category(model: TagModel, scored: Scored, tag_id: int) -> tuple[float, str] | None:
    if scored.category is None or scored.mix is None:
        return None
    weight = model.blend.category * float(scored.category[tag_id])
    c = int(np.argmax(model.category_share[tag_id] * scored.mix))
    if weight < CATEGORY_REASON or model.category_counts[tag_id, c] == 0:
        return None
    return weight, f"popular in #{model.categories[c]}"
