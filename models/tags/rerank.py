"""Cross-validate a learned re-ranker of the tags model's candidates, on a training file alone.

    python -m models.tags.rerank TRAIN.jsonl [--folds 5] [--pool 100] [--l2 100]

Each validation case (built as the eval builds them) gets a pool: the `pool` best tags of each
scorer (the served blend, ALS alone, EASE, conditional and cosine co-occurrence, similar
training posts, the category prior, shared four-letter pieces). Every candidate has a feature
vector (each scorer's value, also scaled within its case; how often it is used; word and piece
overlap with the given tags), and a logistic regression learns which candidates are hidden tags.

The cross-validation is nested: the re-ranker judged on outer fold k learns only from the cases
of an inner cross-validation of the other folds, so no figure printed here has seen its own
validation posts. Prints each scorer alone, EASE alone and the re-ranker, as mean recall@10.
The held-out test file is never read here; nothing here is served.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from instatag.corpus import Post
from instatag.hashtags.model import TagModel
from instatag.hashtags.seeds import collect, score

from models.tags.evaluate import DEFAULT_SEED, Case, K, make_cases
from models.tags.train import read_posts, train
from models.tags.tune import folds

# EASE's penalty per tag is EASE_DF x its document frequency + EASE_LAMBDA (tuned by CV).
EASE_DF = 2.0
EASE_LAMBDA = 32.0
PIECE = 4
POOL = 100
L2 = 100.0
INNER_FOLDS = 4
# Scorers whose top tags make the pool; each is also scaled within its case.
POOLED = (
    "total", "als", "ease", "conditional", "cosine", "similar", "similar_norm", "category",
    "pieces",
)  # fmt: skip
SCALED = (
    "total", "als", "ease", "conditional", "conditional_max", "cosine", "similar",
    "similar_norm", "closest", "category", "with_share", "together", "pieces",
)  # fmt: skip


@dataclass(frozen=True)
class Ease:
    """EASE (Steck, 2019) with a per-tag penalty, solved through the posts by Woodbury's
    identity, so the inverse is posts x posts rather than tags x tags."""

    d_inv: np.ndarray
    xd: np.ndarray
    mxd: np.ndarray
    diag: np.ndarray

    @classmethod
    def fit(cls, matrix: sp.csr_matrix, by_df: float, lam: float) -> Ease:
        x = matrix.toarray().astype(np.float64)
        d_inv = 1.0 / (by_df * x.sum(axis=0) + lam)
        xd = x * d_inv
        mxd = np.linalg.solve(np.eye(x.shape[0]) + xd @ x.T, xd)
        return cls(d_inv=d_inv, xd=xd, mxd=mxd, diag=d_inv - (xd * mxd).sum(axis=0))

    def scores(self, given: Sequence[int]) -> np.ndarray:
        """x·B with B = I - P diag(1/diag P), P = (XᵀX + D)⁻¹; the given tags' own scores
        are meaningless (B's diagonal is zero) and left to the caller to mask."""
        x = np.zeros(len(self.d_inv))
        x[list(given)] = 1.0
        xp = x * self.d_inv - (self.xd @ x) @ self.mxd
        scores: np.ndarray = -xp / self.diag
        return scores


@dataclass(frozen=True)
class Signals:
    """What a fold's training posts give every scorer."""

    model: TagModel
    matrix: sp.csr_matrix
    together: sp.csr_matrix
    ease: Ease
    pieces: list[frozenset[str]]

    @classmethod
    def fit(cls, posts: Sequence[Post]) -> Signals:
        trained = train(posts)
        matrix = trained.corpus.matrix.astype(np.float64).tocsr()
        together = (matrix.T @ matrix).tocsr()
        together.setdiag(0)
        together.eliminate_zeros()
        return cls(
            model=trained.model(),
            matrix=matrix,
            together=together,
            ease=Ease.fit(matrix, EASE_DF, EASE_LAMBDA),
            pieces=[pieces(t) for t in trained.corpus.tags],
        )


@dataclass(frozen=True)
class Pool:
    """One case's candidates: their features, which are hidden tags, and how many are."""

    features: np.ndarray
    relevant: np.ndarray
    hidden: int

    def recall(self, scores: np.ndarray, k: int = K) -> float:
        top = np.argsort(-scores, kind="stable")[:k]
        return float(self.relevant[top].sum()) / self.hidden


def pieces(tag: str) -> frozenset[str]:
    """The tag's four-letter pieces (the whole tag when shorter)."""
    if len(tag) < PIECE:
        return frozenset({tag})
    return frozenset(tag[i : i + PIECE] for i in range(len(tag) - PIECE + 1))


def scores(signals: Signals, given: Sequence[int]) -> dict[str, np.ndarray]:
    """Every scorer's score of every tag for one case."""
    model = signals.model
    seeds = collect(model, hashtags=[model.tags[i] for i in given])
    scored = score(model, seeds)
    out = {
        "total": scored.total.astype(np.float64),
        "als": scored.als.astype(np.float64),
        "category": np.zeros(len(model)) if scored.category is None else scored.category,
        "words": np.zeros(len(model)),
        "ease": signals.ease.scores(given),
    }
    out["words"][list(seeds.related)] = list(seeds.related.values())
    out |= _cooccurrence(signals, given)
    out |= _similar_posts(signals, given)
    out |= _pieces(signals, given)
    df = model.doc_freq.astype(np.float64)
    out["log_df"] = np.log1p(df)
    out["rare"] = (df <= 2).astype(np.float64)
    return out


def _cooccurrence(signals: Signals, given: Sequence[int]) -> dict[str, np.ndarray]:
    df = np.maximum(signals.model.doc_freq.astype(np.float64), 1.0)
    g = np.asarray(given)
    counts = signals.together[g].toarray()
    conditional = counts / df[g, None]
    return {
        "conditional": conditional.sum(axis=0),
        "conditional_max": conditional.max(axis=0),
        "cosine": (counts / np.sqrt(df[g, None] * df[None, :])).sum(axis=0),
        "with_share": (counts > 0).mean(axis=0),
        "together": np.log1p(counts.sum(axis=0)),
        "implies": (counts / df[None, :]).mean(axis=0),
    }


def _similar_posts(signals: Signals, given: Sequence[int]) -> dict[str, np.ndarray]:
    """Tags of the training posts sharing the given tags, weighted by the idf they share."""
    matrix = signals.matrix
    df = np.maximum(signals.model.doc_freq.astype(np.float64), 1.0)
    idf = np.log(matrix.shape[0] / df)
    g = np.asarray(given)
    share = np.asarray(matrix[:, g] @ idf[g]).ravel() / max(float(idf[g].sum()), 1e-9)
    lengths = np.maximum(np.asarray(matrix.sum(axis=1)).ravel(), 1.0)
    cubed = np.asarray(matrix.T @ share**3).ravel()
    normed = np.asarray(matrix.T @ (share**2 / np.sqrt(lengths))).ravel()
    closest = matrix.multiply(share[:, None]).tocsc().max(axis=0).toarray().ravel()
    return {
        "similar": cubed / max(float(cubed.max()), 1e-12),
        "similar_norm": normed / max(float(normed.max()), 1e-12),
        "closest": closest,
    }


def _pieces(signals: Signals, given: Sequence[int]) -> dict[str, np.ndarray]:
    """How much of each tag is spelt from pieces of the given tags, and plain containment."""
    tags = signals.model.tags
    known = frozenset().union(*(signals.pieces[i] for i in given))
    covered = np.array([len(p & known) / len(p) for p in signals.pieces])
    long_given = [tags[i] for i in given if len(tags[i]) >= PIECE]
    contains = [any(t in u or (len(u) >= PIECE and u in t) for t in long_given) for u in tags]
    df = signals.model.doc_freq.astype(np.float64)
    return {
        "pieces": covered + 1e-3 * np.log1p(df),
        "contains": np.asarray(contains, dtype=np.float64),
    }


def pool(scored: dict[str, np.ndarray], given: Sequence[int], size: int) -> np.ndarray:
    """The tags among the `size` best of any pooled scorer, the given ones left out."""
    chosen: set[int] = set()
    for name in POOLED:
        values = scored[name].copy()
        values[list(given)] = -np.inf
        chosen.update(np.argsort(-values, kind="stable")[:size].tolist())
    return np.array(sorted(chosen - set(given)), dtype=np.int64)


def features(scored: dict[str, np.ndarray], candidates: np.ndarray) -> np.ndarray:
    """Each score at the candidates, then each scaled score as a share of its case's largest,
    as a z-score within the case, and times the case's closest-post share (how much a near
    copy of the post exists, when the similar-post scores deserve the most trust)."""
    raw = {name: values[candidates] for name, values in sorted(scored.items())}
    columns = list(raw.values())
    near_copy = float(raw["closest"].max(initial=0.0))
    for name in SCALED:
        x = raw[name]
        share = x / (float(np.abs(x).max(initial=0.0)) + 1e-12)
        columns += [share, (x - x.mean()) / (x.std() + 1e-9), share * near_copy]
    return np.stack(columns, axis=1)


def case_pool(signals: Signals, case: Case, size: int) -> tuple[Pool, dict[str, float]]:
    """The case's pool, and each pooled scorer's recall@10 on its own."""
    scored = scores(signals, case.given)
    candidates = pool(scored, case.given, size)
    found = Pool(features(scored, candidates), np.isin(candidates, case.hidden), len(case.hidden))
    alone = {name: found.recall(scored[name][candidates]) for name in POOLED}
    return found, alone


def fold_pools(
    fit: Sequence[Post], validation: Sequence[Post], size: int
) -> tuple[list[Pool], list[dict[str, float]]]:
    signals = Signals.fit(fit)
    cases = make_cases(validation, signals.model.index, DEFAULT_SEED)
    pairs = [case_pool(signals, case, size) for case in cases]
    return [p for p, _ in pairs], [a for _, a in pairs]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 50) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method; the last weight is the bias."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    penalty = l2 * np.diag(np.r_[np.ones(x.shape[1]), 0.0])
    w = np.zeros(xb.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        gradient = xb.T @ (p - y) + penalty @ w
        hessian = (xb * (p * (1.0 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


@dataclass(frozen=True)
class Reranker:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray

    @classmethod
    def fit(cls, pools: Sequence[Pool], l2: float) -> Reranker:
        x = np.vstack([p.features for p in pools])
        y = np.concatenate([p.relevant for p in pools]).astype(np.float64)
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
        return cls(mean, scale, fit_logistic((x - mean) / scale, y, l2)[:-1])

    def recall(self, pools: Sequence[Pool]) -> float:
        each = [p.recall(((p.features - self.mean) / self.scale) @ self.weights) for p in pools]
        return float(np.mean(each))


def nested_cv(posts: Sequence[Post], count: int, size: int, l2: float) -> dict[str, list[float]]:
    """Per outer fold: each pooled scorer's recall and the nested re-ranker's."""
    result: dict[str, list[float]] = {name: [] for name in (*POOLED, "reranker")}
    for k, (fit, validation) in enumerate(folds(posts, count)):
        started = time.perf_counter()
        outer, alone = fold_pools(fit, validation, size)
        inner = [p for f, v in folds(fit, INNER_FOLDS) for p in fold_pools(f, v, size)[0]]
        for name in POOLED:
            result[name].append(float(np.mean([a[name] for a in alone])))
        result["reranker"].append(Reranker.fit(inner, l2).recall(outer))
        print(
            f"fold {k}: re-ranker {result['reranker'][-1]:.4f}, served blend "
            f"{result['total'][-1]:.4f} ({time.perf_counter() - started:.0f} s)",
            flush=True,
        )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path, help="the training posts (never the test posts)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--pool", type=int, default=POOL)
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args(argv)

    result = nested_cv(read_posts(args.train), args.folds, args.pool, args.l2)
    for name, recalls in result.items():
        spread = np.std(recalls) / math.sqrt(len(recalls))
        print(f"{name:<13} recall@{K} {np.mean(recalls):.4f} (± {spread:.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
