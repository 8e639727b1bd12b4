"""`instatag eval --train FILE --test FILE`: the tags model against two baselines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from instatag.errors import BadRequest


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "eval", help="train on one posts file, measure hashtag prediction on another"
    )
    parser.add_argument("--train", type=Path, required=True, help="posts to train on (.jsonl)")
    parser.add_argument("--test", type=Path, required=True, help="held-out posts (.jsonl)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random halves")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from models.tags.evaluate import train_and_run
    from models.tags.train import read_posts

    try:
        train_posts, test_posts = read_posts(args.train), read_posts(args.test)
    except OSError as exc:
        raise BadRequest(f"cannot read {exc.filename}: {exc.strerror}") from exc
    result = train_and_run(train_posts, test_posts, seed=args.seed)
    sys.stdout.write(json.dumps(result) + "\n" if args.json else show(result))
    return 0


def show(result: dict[str, Any]) -> str:
    rows = [("tags model (ALS)", result), *result["baselines"].items()]
    lines = [
        f"{result['cases']} test posts with 6+ known hashtags "
        f"(trained on {result['train_posts']} posts, {result['tags']} hashtags)",
        f"{'':<18} {'recall@10':>10} {'precision@10':>13} {'ndcg@10':>8}",
    ]
    for name, metrics in rows:
        lines.append(
            f"{name:<18} {metrics['recall@10']:>10.4f} {metrics['precision@10']:>13.4f} "
            f"{metrics['ndcg@10']:>8.4f}"
        )
    return "\n".join(lines) + "\n"
