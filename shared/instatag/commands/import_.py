"""`instatag import FILE.jsonl`: store posts the way the scraper does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from instatag import runtime
from instatag.corpus import read_jsonl, save_posts
from instatag.errors import BadRequest


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("import", help="load posts from a JSON-lines file")
    parser.add_argument("file", type=Path, help="one post per line: shortcode, category, hashtags")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        with args.file.open(encoding="utf-8") as lines:
            result = save_posts(read_jsonl(lines), runtime.documents(), runtime.events())
    except OSError as exc:
        raise BadRequest(f"cannot read {args.file}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise BadRequest(f"{args.file} is not UTF-8 text") from exc
    sys.stdout.write(f"stored {result.new} new posts ({result.seen} already stored)\n")
    return 0
