"""`instatag sync`: recompute every category's trending list and write it to the cache."""

from __future__ import annotations

import argparse
import sys

from instatag import runtime
from instatag import trending as service


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("sync", help="refresh the trending cache from the counters")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = service.sync(runtime.documents(), runtime.cache(), runtime.settings())
    for category, tags in sorted(result.categories.items()):
        sys.stdout.write(f"{category:<14} {tags:>3} tags\n")
    sys.stdout.write(f"synced at {result.updated_at}; {len(result.written)} cache keys written\n")
    return 0
