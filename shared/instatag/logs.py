"""JSON-lines logging in the shape Cloud Logging reads from a function's stdout.

Each record becomes one line with `severity`, `message`, `time`, the logger's name as a label,
and the request's trace when the request carried `X-Cloud-Trace-Context`.
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

_trace: contextvars.ContextVar[str | None] = contextvars.ContextVar("trace", default=None)

# Attributes every LogRecord has; anything else passed through `extra=` is logged as a field.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class CloudLoggingFormatter(logging.Formatter):
    """Formats a record as one JSON object Cloud Logging understands."""

    def __init__(self, project: str | None = None) -> None:
        super().__init__()
        self._project = project

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "severity": record.levelname,
            "message": record.getMessage(),
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "logging.googleapis.com/labels": {"logger": record.name},
            "logging.googleapis.com/sourceLocation": {
                "file": record.pathname,
                "line": record.lineno,
                "function": record.funcName,
            },
        }

        trace = _trace.get()
        if trace and self._project:
            entry["logging.googleapis.com/trace"] = f"projects/{self._project}/traces/{trace}"

        if record.exc_info:
            entry["stack_trace"] = self.formatException(record.exc_info)

        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value

        return json.dumps(entry, default=str, ensure_ascii=False)


def configure(
    level: str = "INFO", project: str | None = None, stream: TextIO | None = None
) -> None:
    """Route the `instatag` loggers as JSON lines to `stream` (stdout, where Cloud Functions
    collects them, by default); safe to call more than once."""
    logger = logging.getLogger("instatag")
    logger.setLevel(level)
    logger.propagate = False

    if not any(getattr(h, "_instatag", False) for h in logger.handlers):
        handler = logging.StreamHandler(stream or sys.stdout)
        handler._instatag = True  # type: ignore[attr-defined]
        logger.addHandler(handler)

    for each in logger.handlers:
        each.setFormatter(CloudLoggingFormatter(project))


def set_trace(header: str | None) -> contextvars.Token[str | None]:
    """Remember the trace id of `X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=1` for this request."""
    trace = header.split("/", 1)[0] if header else None
    return _trace.set(trace or None)


def reset_trace(token: contextvars.Token[str | None]) -> None:
    _trace.reset(token)
