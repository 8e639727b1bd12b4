"""Train the tags model: implicit ALS on the posts x hashtags matrix of a corpus.

    python -m models.tags.train POSTS.jsonl OUT_DIR

(`instatag build` does the same from the posts in the document store and publishes the files.)
Writes `tags-factors.npz` and `tags-vocab.json`, read at request time by
`instatag.hashtags.model.TagModel`; nothing is pickled.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from implicit.cpu.als import AlternatingLeastSquares
from implicit.recommender_base import ModelFitError
from instatag.corpus import Post, read_jsonl
from instatag.hashtags.model import FACTORS_FILE, FORMAT, VOCAB_FILE, Blend, TagModel, Tiers
from threadpoolctl import threadpool_limits

from models.tags.segment import segment

# Tier thresholds are quantiles of the document frequency of the tags seen in 2 posts or more:
# the top 10% are popular, the next 40% medium, the rest (and every tag seen once) niche.
POPULAR_QUANTILE = 0.9
MEDIUM_QUANTILE = 0.5


class TrainingError(Exception):
    """The corpus or the parameters do not give a usable model."""


@dataclass(frozen=True)
class Params:
    """ALS parameters, chosen by `python -m models.tags.tune` on the training part of the seed
    corpus (5-fold cross-validation, never the held-out test): the best with 128 factors.
    256 factors scored within fold noise of it (recall@10 0.399 against 0.390) but would need
    100 MB of factors for a 100k-hashtag model, past the function's memory budget."""

    factors: int = 128
    regularization: float = 5.0
    alpha: float = 10.0
    iterations: int = 15
    min_df: int = 1
    random_state: int = 7


@dataclass(frozen=True)
class Corpus:
    """The posts x hashtags matrix and the counts kept beside it."""

    tags: list[str]
    matrix: sp.csr_matrix
    categories: list[str]
    category_counts: np.ndarray
    category_posts: list[int]

    @property
    def doc_freq(self) -> np.ndarray:
        return np.asarray(self.matrix.sum(axis=0)).ravel().astype(np.int32)


@dataclass(frozen=True)
class Trained:
    """Everything the two model files hold."""

    corpus: Corpus
    factors: np.ndarray
    words: list[str]
    tiers: Tiers
    params: Params
    blend: Blend

    def model(self, version: str = "") -> TagModel:
        return TagModel(
            tags=self.corpus.tags,
            words=self.words,
            factors=self.factors,
            gram=gram(self.factors),
            doc_freq=self.corpus.doc_freq,
            category_counts=self.corpus.category_counts,
            categories=self.corpus.categories,
            category_posts=self.corpus.category_posts,
            posts=self.corpus.matrix.shape[0],
            regularization=self.params.regularization,
            alpha=self.params.alpha,
            tiers=self.tiers,
            blend=self.blend,
            version=version,
        )


def build_corpus(posts: Iterable[Post], min_df: int = 1) -> Corpus:
    """The matrix of the posts that have hashtags, over the tags in at least `min_df` posts."""
    kept = [p for p in posts if p.hashtags]
    if not kept:
        raise TrainingError("the corpus has no posts with hashtags")
    counts = Counter(t for p in kept for t in set(p.hashtags))
    tags = sorted(t for t, n in counts.items() if n >= min_df)
    if not tags:
        raise TrainingError(f"no hashtag is in {min_df} posts or more")
    index = {t: i for i, t in enumerate(tags)}
    categories = sorted({p.category for p in kept})
    category_index = {c: i for i, c in enumerate(categories)}

    rows, cols = [], []
    category_counts = np.zeros((len(tags), len(categories)), dtype=np.int32)
    for row, post in enumerate(kept):
        ids = sorted({index[t] for t in post.hashtags if t in index})
        rows += [row] * len(ids)
        cols += ids
        category_counts[ids, category_index[post.category]] += 1

    data = np.ones(len(rows), dtype=np.float32)
    matrix = sp.csr_matrix((data, (rows, cols)), shape=(len(kept), len(tags)))
    posts_per_category = Counter(p.category for p in kept)
    return Corpus(
        tags=tags,
        matrix=matrix,
        categories=categories,
        category_counts=category_counts,
        category_posts=[posts_per_category[c] for c in categories],
    )


def fit_factors(matrix: sp.csr_matrix, params: Params, show_progress: bool = False) -> np.ndarray:
    """Item factors of ALS on `matrix`, float32; raises TrainingError on NaN or inf."""
    diverged = TrainingError(
        "ALS produced NaN or infinite factors; lower alpha or raise regularization "
        f"(alpha={params.alpha}, regularization={params.regularization})"
    )
    # implicit runs its own threads; a multi-threaded BLAS under them slows training badly.
    with threadpool_limits(1, "blas"):
        als = AlternatingLeastSquares(
            factors=params.factors,
            regularization=params.regularization,
            alpha=params.alpha,
            iterations=params.iterations,
            random_state=params.random_state,
        )
        try:
            als.fit(matrix, show_progress=show_progress)
        except ModelFitError as exc:
            raise diverged from exc
    factors = np.ascontiguousarray(als.item_factors, dtype=np.float32)
    if not np.isfinite(factors).all():
        raise diverged
    return factors


def tier_thresholds(doc_freq: np.ndarray) -> Tiers:
    seen_twice = doc_freq[doc_freq >= 2]
    if seen_twice.size == 0:
        return Tiers(popular=2, medium=2)
    medium = max(2, math.ceil(float(np.quantile(seen_twice, MEDIUM_QUANTILE))))
    popular = max(medium + 1, math.ceil(float(np.quantile(seen_twice, POPULAR_QUANTILE))))
    return Tiers(popular=popular, medium=medium)


def gram(factors: np.ndarray) -> np.ndarray:
    wide = factors.astype(np.float64)
    return wide.T @ wide


def train(
    posts: Iterable[Post],
    params: Params | None = None,
    blend: Blend | None = None,
    show_progress: bool = False,
) -> Trained:
    params = params or Params()
    corpus = build_corpus(posts, params.min_df)
    return Trained(
        corpus=corpus,
        factors=fit_factors(corpus.matrix, params, show_progress),
        words=[" ".join(segment(t)) for t in corpus.tags],
        tiers=tier_thresholds(corpus.doc_freq),
        params=params,
        blend=blend or Blend(),
    )


def write(trained: Trained, out_dir: Path) -> list[Path]:
    """Write `tags-factors.npz` and `tags-vocab.json` into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    factors_path, vocab_path = out_dir / FACTORS_FILE, out_dir / VOCAB_FILE
    corpus = trained.corpus
    with factors_path.open("wb") as out:
        np.savez(
            out,
            item_factors=trained.factors,
            gram=gram(trained.factors),
            doc_freq=corpus.doc_freq,
            category_counts=corpus.category_counts,
        )
    vocab = {
        "format": FORMAT,
        "posts": int(corpus.matrix.shape[0]),
        "tags": corpus.tags,
        "words": trained.words,
        "categories": corpus.categories,
        "category_posts": corpus.category_posts,
        "tiers": asdict(trained.tiers),
        "als": asdict(trained.params),
        "blend": asdict(trained.blend),
    }
    vocab_path.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    return [factors_path, vocab_path]


def read_posts(path: Path) -> list[Post]:
    with path.open(encoding="utf-8") as lines:
        return list(read_jsonl(lines))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", type=Path, help="posts as JSON lines")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    show = sys.stderr.isatty() if args.progress is None else args.progress
    trained = train(read_posts(args.posts), show_progress=show)
    for path in write(trained, args.out_dir):
        print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    shape = trained.corpus.matrix.shape
    print(f"{shape[1]} tags from {shape[0]} posts in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
