"""`instatag serve`: every function and the web page in one local server."""

from __future__ import annotations

import argparse
import logging

from werkzeug.serving import make_server

from instatag import runtime
from instatag.sample import ensure_sample
from instatag.server import create_app

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("serve", help="serve every function on one local port")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # The embedded cache lives in this process, so the sample's refresh must happen here too.
    ensure_sample(runtime.documents(), runtime.events())

    server = make_server(args.host, args.port, create_app(), threaded=True)
    logger.info("serving InstaTag on http://%s:%d", args.host, server.server_port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        logger.info("stopped")
    return 0
