from __future__ import annotations

import io
import json
import logging

from instatag import logs


def capture(project: str | None = "acme") -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.CloudLoggingFormatter(project))
    logger = logging.getLogger("instatag.test.logs")
    logger.handlers = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger, stream


def test_a_record_is_one_json_line_with_cloud_logging_fields() -> None:
    logger, stream = capture()
    logger.warning("stored %d posts", 3, extra={"category": "food"})

    (line,) = stream.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["severity"] == "WARNING"
    assert entry["message"] == "stored 3 posts"
    assert entry["category"] == "food"
    assert entry["logging.googleapis.com/labels"] == {"logger": "instatag.test.logs"}


def test_the_request_trace_is_attached_while_it_is_set() -> None:
    logger, stream = capture()

    token = logs.set_trace("0af7651916cd43dd8448eb211c80319c/1;o=1")
    logger.info("inside")
    logs.reset_trace(token)
    logger.info("outside")

    inside, outside = (json.loads(line) for line in stream.getvalue().splitlines())
    assert inside["logging.googleapis.com/trace"] == (
        "projects/acme/traces/0af7651916cd43dd8448eb211c80319c"
    )
    assert "logging.googleapis.com/trace" not in outside


def test_an_exception_is_logged_with_its_stack() -> None:
    logger, stream = capture()
    try:
        raise ValueError("boom")
    except ValueError:
        logger.exception("failed")

    entry = json.loads(stream.getvalue())
    assert entry["severity"] == "ERROR"
    assert "ValueError: boom" in entry["stack_trace"]
