"""`instatag up`: the emulator stack with every function on its own port, as production runs."""

from __future__ import annotations

import argparse
import logging
import threading

from instatag.stack import Stack, StackConfig

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "up", help="run the emulators, Redis and every function under functions-framework"
    )
    parser.add_argument("--base-port", type=int, default=8081, help="first function's port")
    parser.add_argument("--project", default="instatag-local")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    stack = Stack(StackConfig(project=args.project, base_port=args.base_port)).start()
    for name, service in stack.services.items():
        logger.info("%-16s http://%s", name, service.host)
    logger.info("to use this stack from a shell: %s", stack.shell_exports())

    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        logger.info("stopping")
    finally:
        stack.stop()
    return 0
