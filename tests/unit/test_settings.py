from __future__ import annotations

import pytest
from instatag.errors import ConfigError
from instatag.settings import load_settings


def test_defaults_are_the_embedded_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INSTATAG_BACKEND", raising=False)
    settings = load_settings()

    assert settings.backend == "embedded"
    assert settings.max_request_bytes == 10 * 1024 * 1024


def test_nested_values_come_from_double_underscore_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INSTATAG_BACKEND", "google")
    monkeypatch.setenv("INSTATAG_GOOGLE__PROJECT", "acme")
    monkeypatch.setenv("INSTATAG_GOOGLE__FUNCTION_URLS", '{"scrape_worker": "https://w"}')
    settings = load_settings()

    assert settings.google.project == "acme"
    assert settings.google.function_urls == {"scrape_worker": "https://w"}


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("INSTATAG_BACKEND", "aws"),
        ("INSTATAG_MAX_REQUEST_BYTES", "lots"),
        ("INSTATAG_TRENDING__TOP_N", "0"),
    ],
)
def test_a_bad_value_fails_naming_its_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)

    with pytest.raises(ConfigError, match=variable):
        load_settings()
