"""`instatag trending [CATEGORY] [--json]`: what is trending, as the function answers it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from instatag import runtime
from instatag import trending as service


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("trending", help="show trending hashtags")
    parser.add_argument("category", nargs="?", help="omit to list the categories")
    parser.add_argument("--json", action="store_true", help="print the JSON the function serves")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    documents, cache, settings = runtime.documents(), runtime.cache(), runtime.settings()
    if args.category:
        body = service.trending(args.category, documents, cache, settings)
        text = _tags(body)
    else:
        body = service.categories(documents, cache, settings)
        text = _categories(body)

    sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n" if args.json else text)
    return 0


def _tags(body: dict[str, Any]) -> str:
    lines = [
        f"{body['category']}: {body['posts']} posts, from the {body['source']} "
        f"as of {body['updated_at']}"
    ]
    for rank, tag in enumerate(body["tags"], start=1):
        history = " ".join(str(n) for n in tag["history"])
        lines.append(
            f"{rank:>3}. #{tag['tag']:<28} {tag['count']:>6}  {tag['trend']:<7} {history}"
        )
    if not body["tags"]:
        lines.append("  no hashtag has enough posts yet")
    return "\n".join(lines) + "\n"


def _categories(body: dict[str, Any]) -> str:
    lines = [f"categories from the {body['source']} as of {body['updated_at']}"]
    for item in body["categories"]:
        lines.append(
            f"  {item['category']:<14} {item['tags']:>3} tags {item['posts']:>7} posts"
            f"  latest day {item['latest_day'] or '-'}"
        )
    return "\n".join(lines) + "\n"
