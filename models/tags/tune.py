"""Tune the tags model on a training file alone, by k-fold cross-validation inside it.

    python -m models.tags.tune TRAIN.jsonl [--folds 5]

First the ALS parameters (with the default blend), then the blend weights (with the best
parameters). Prints the best settings; `Params` and `Blend` defaults are set from them.
The held-out test file is never read here.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np
from instatag.corpus import Post
from instatag.hashtags.model import Blend

from models.tags.evaluate import DEFAULT_SEED, evaluate, make_cases, model_ranker
from models.tags.split import bucket
from models.tags.train import Params, read_posts, train

PARAM_GRID = {
    "factors": (64, 128, 256),
    "regularization": (1.0, 5.0, 20.0),
    "alpha": (5.0, 10.0, 20.0),
}
BLEND_GRID = {
    "popularity": (0.0, 0.1, 0.2),
    "category": (0.0, 0.1, 0.2, 0.4),
    "words": (0.0, 0.05, 0.1, 0.2),
}


def folds(posts: Sequence[Post], count: int) -> list[tuple[list[Post], list[Post]]]:
    """(train, validation) pairs; a post's fold depends only on its id."""
    which = [bucket(p.id, salt="fold") % count for p in posts]
    return [
        (
            [p for p, w in zip(posts, which, strict=True) if w != k],
            [p for p, w in zip(posts, which, strict=True) if w == k],
        )
        for k in range(count)
    ]


def grid(space: dict[str, tuple[float, ...]]) -> list[dict[str, float]]:
    return [dict(zip(space, values, strict=True)) for values in itertools.product(*space.values())]


def cv_recall(
    splits: list[tuple[list[Post], list[Post]]], params: Params, blends: Sequence[Blend]
) -> list[float]:
    """Mean validation recall@10 of each blend with these parameters."""
    recalls = np.zeros(len(blends))
    for fit_posts, validation in splits:
        trained = train(fit_posts, params)
        for b, blend in enumerate(blends):
            model = replace(trained, blend=blend).model()
            cases = make_cases(validation, model.index, DEFAULT_SEED)
            recalls[b] += evaluate(model_ranker(model), cases).recall / len(splits)
    return recalls.tolist()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path, help="the training posts (never the test posts)")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    splits = folds(read_posts(args.train), args.folds)
    scored = []
    for values in grid(PARAM_GRID):
        params = replace(Params(), **values)
        recall = cv_recall(splits, params, [Blend()])[0]
        scored.append((recall, params))
        print(f"{recall:.4f}  {values}", flush=True)
    best_recall, best = max(scored, key=lambda s: s[0])
    print(f"best parameters: {asdict(best)} (recall@10 {best_recall:.4f})")

    blends = [Blend(**values) for values in grid(BLEND_GRID)]
    recalls = cv_recall(splits, best, blends)
    for recall, blend in sorted(zip(recalls, blends, strict=True), key=lambda s: -s[0])[:10]:
        print(f"{recall:.4f}  {asdict(blend)}")
    top = int(np.argmax(recalls))
    print(f"best blend: {asdict(blends[top])} (recall@10 {recalls[top]:.4f})")
    print(f"tuned in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
