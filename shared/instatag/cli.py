"""The `instatag` command line: one subcommand per module in `instatag.commands`."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from instatag import commands, runtime
from instatag.errors import InstaTagError
from instatag.startup import cold_start


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="instatag", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)

    for module in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{module.name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        # A command's answer goes to stdout, so that `--json` output can be piped.
        cold_start(log_stream=sys.stderr)
        code: int = args.run(args)
        runtime.drain()
    except InstaTagError as exc:
        sys.stderr.write(f"instatag: {exc}\n")
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
