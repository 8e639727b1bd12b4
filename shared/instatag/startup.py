"""Cold start: read and validate the settings, then set up logging, once per instance."""

from __future__ import annotations

from typing import TextIO

from instatag import logs
from instatag.settings import Settings, get_settings


def cold_start(log_stream: TextIO | None = None) -> Settings:
    settings = get_settings()
    logs.configure(settings.log_level, settings.google.project, log_stream)
    return settings
