"""`instatag scrape`: fetch posts for one or every category now, in this process."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from instatag import runtime
from instatag.errors import RateLimited, Unavailable
from instatag.scrape import FileSource, ScrapeTask, make_source, scrape
from instatag.scrape.run import SOURCES

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("scrape", help="fetch posts into the corpus now")
    parser.add_argument("--source", choices=SOURCES, help="default: INSTATAG_SCRAPE__SOURCE")
    parser.add_argument("--category", help="one category (default: every configured one)")
    parser.add_argument("--file", type=Path, help="the .jsonl export the file source reads")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = runtime.settings()
    documents = runtime.documents()
    source_name = args.source or settings.scrape.source
    source = make_source(source_name, settings, documents, file_path=args.file)

    if args.category:
        categories = [args.category]
    elif isinstance(source, FileSource):
        categories = source.categories()
    else:
        categories = list(settings.categories)

    failed = 0
    for category in categories:
        task = ScrapeTask.from_payload({"category": category, "source": source_name}, settings)
        try:
            result = scrape(task, source, documents, runtime.events())
        except (RateLimited, Unavailable) as exc:
            failed += 1
            sys.stdout.write(f"{task.category:<14} stopped: {exc}\n")
            continue
        sys.stdout.write(
            f"{result.category:<14} {result.fetched:>6} fetched {result.new:>6} new\n"
        )

    return 1 if failed else 0
