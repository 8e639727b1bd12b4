"""Offline evaluation: hide half of each test post's hashtags and see who finds them.

For every test post with at least 6 distinct hashtags the trained model knows, a fixed-seed
random half is given and the rest is to be predicted. Three rankers answer in the same run:
the tags model (ALS fold-in plus the blend it serves with), the most popular tags, and the tags
most co-occurring (cosine) with the given ones. Each is scored by recall, precision and NDCG at
k over the tags it ranks first, never counting the given ones.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from instatag.corpus import Post
from instatag.hashtags.model import TagModel
from instatag.hashtags.recommend import top_indices
from instatag.hashtags.seeds import collect, score

from models.tags.train import Corpus, Params, Trained, train

MIN_KNOWN = 6
DEFAULT_SEED = 0
K = 10

Ranker = Callable[[Sequence[int]], Sequence[int]]


@dataclass(frozen=True)
class Case:
    given: list[int]
    hidden: list[int]


@dataclass(frozen=True)
class Metrics:
    recall: float
    precision: float
    ndcg: float

    def to_json(self, k: int) -> dict[str, float]:
        return {
            f"recall@{k}": round(self.recall, 4),
            f"precision@{k}": round(self.precision, 4),
            f"ndcg@{k}": round(self.ndcg, 4),
        }


def make_cases(
    posts: Iterable[Post], index: Mapping[str, int], seed: int = DEFAULT_SEED
) -> list[Case]:
    """Split each usable post's known hashtags into a given half and a hidden half."""
    rng = random.Random(seed)
    cases = []
    for post in posts:
        known = sorted({index[t] for t in post.hashtags if t in index})
        if len(known) < MIN_KNOWN:
            continue
        rng.shuffle(known)
        half = len(known) // 2
        cases.append(Case(given=known[:half], hidden=known[half:]))
    return cases


def case_metrics(ranked: Sequence[int], hidden: Iterable[int], k: int = K) -> Metrics:
    """Recall, precision and NDCG (binary relevance) of the first k ranked items."""
    relevant = set(hidden)
    top = list(ranked[:k])
    hits = [1.0 if item in relevant else 0.0 for item in top]
    dcg = sum(h / math.log2(rank + 2) for rank, h in enumerate(hits))
    ideal = sum(1.0 / math.log2(rank + 2) for rank in range(min(k, len(relevant))))
    return Metrics(
        recall=sum(hits) / len(relevant) if relevant else 0.0,
        precision=sum(hits) / k,
        ndcg=dcg / ideal if ideal else 0.0,
    )


def evaluate(rank: Ranker, cases: Sequence[Case], k: int = K) -> Metrics:
    """The mean metrics of a ranker over the cases."""
    if not cases:
        return Metrics(0.0, 0.0, 0.0)
    each = [case_metrics(rank(case.given), case.hidden, k) for case in cases]
    return Metrics(
        recall=float(np.mean([m.recall for m in each])),
        precision=float(np.mean([m.precision for m in each])),
        ndcg=float(np.mean([m.ndcg for m in each])),
    )


def _ranked(scores: np.ndarray, given: Sequence[int], k: int) -> list[int]:
    scores = scores.astype(np.float64, copy=True)
    scores[list(given)] = -np.inf
    return top_indices(scores, k)


def popularity_ranker(corpus: Corpus, k: int = K) -> Ranker:
    """The most used tags, whatever is given."""
    doc_freq = corpus.doc_freq.astype(np.float64)
    return lambda given: _ranked(doc_freq, given, k)


def cooccurrence_ranker(corpus: Corpus, k: int = K) -> Ranker:
    """Tags by their summed co-occurrence cosine with the given tags (ties: more used first)."""
    matrix = corpus.matrix.astype(np.float64)
    together = (matrix.T @ matrix).tocsr()
    norms = np.sqrt(np.maximum(corpus.doc_freq, 1).astype(np.float64))
    scale = sp.diags(1.0 / norms)
    cosine = (scale @ together @ scale).tocsr()
    tie_break = 1e-9 * corpus.doc_freq

    def rank(given: Sequence[int]) -> list[int]:
        summed = np.asarray(cosine[list(given)].sum(axis=0)).ravel() + tie_break
        return _ranked(summed, given, k)

    return rank


def model_ranker(model: TagModel, k: int = K) -> Ranker:
    """The tags model as it serves a request carrying only hashtags (no blocked list)."""

    def rank(given: Sequence[int]) -> list[int]:
        seeds = collect(model, hashtags=[model.tags[i] for i in given])
        return _ranked(score(model, seeds).total, given, k)

    return rank


def run(
    trained: Trained, test: Sequence[Post], seed: int = DEFAULT_SEED, k: int = K
) -> dict[str, Any]:
    """Every ranker on the same cases; the JSON `instatag eval --json` prints."""
    model = trained.model()
    cases = make_cases(test, model.index, seed)
    result: dict[str, Any] = evaluate(model_ranker(model, k), cases, k).to_json(k)
    result["baselines"] = {
        "popularity": evaluate(popularity_ranker(trained.corpus, k), cases, k).to_json(k),
        "cooccurrence": evaluate(cooccurrence_ranker(trained.corpus, k), cases, k).to_json(k),
    }
    result["cases"] = len(cases)
    result["train_posts"] = int(trained.corpus.matrix.shape[0])
    result["test_posts"] = len(test)
    result["tags"] = len(model)
    result["seed"] = seed
    return result


def train_and_run(
    train_posts: Sequence[Post],
    test_posts: Sequence[Post],
    params: Params | None = None,
    seed: int = DEFAULT_SEED,
    k: int = K,
) -> dict[str, Any]:
    return run(train(train_posts, params), test_posts, seed, k)
