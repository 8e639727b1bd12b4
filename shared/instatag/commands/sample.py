"""`instatag sample`: fill a store that has no posts with the sample posts InstaTag ships."""

from __future__ import annotations

import argparse
import logging

from instatag import runtime
from instatag.sample import ensure_sample, import_sample

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sample", help="store the sample posts (synthetic) when the store has no posts yet"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="import even when the store has posts (posts already stored are skipped)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    documents, events = runtime.documents(), runtime.events()
    result = import_sample(documents, events) if args.force else ensure_sample(documents, events)

    if result is None:
        logger.info("sample not imported: the store already has posts (--force imports anyway)")
    else:
        logger.info("sample imported: %d new posts, %d already stored", result.new, result.seen)
    return 0
