"""Cold start: read and validate the settings, then set up logging, once per instance."""

from __future__ import annotations

from instatag import logs
from instatag.settings import Settings, get_settings


def cold_start() -> Settings:
    settings = get_settings()
    logs.configure(settings.log_level, settings.google.project)
    return settings
