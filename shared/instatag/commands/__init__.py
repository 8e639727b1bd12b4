"""Subcommands of the `instatag` CLI: each module here defines `register(subparsers)`."""

from __future__ import annotations

from pathlib import Path

from instatag.errors import BadRequest


def read_file(path: Path) -> bytes:
    """A file a command was given, or `BadRequest` saying why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadRequest(f"cannot read {path}: {exc.strerror}") from exc
