from __future__ import annotations

from pathlib import Path

import pytest
from instatag.errors import ConfigError
from instatag.settings import Settings, load_settings


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


def test_lists_and_mappings_are_read_as_json() -> None:
    settings = load_settings(
        {
            "INSTATAG_CATEGORIES": '["food", "travel"]',
            "INSTATAG_SCRAPE__HASHTAGS": '{"food": ["foodie", "brunch"]}',
            "INSTATAG_CAPTIONS__MINED_SHARE": "0.25",
            "INSTATAG_MODELS__CACHE_DIR": "/tmp/models-here",
        }
    )

    assert settings.categories == ("food", "travel")
    assert settings.scrape.hashtags == {"food": ["foodie", "brunch"]}
    assert settings.captions.mined_share == 0.25
    assert settings.models.cache_dir == Path("/tmp/models-here")


def test_unknown_variables_are_ignored_and_defaults_kept() -> None:
    settings = load_settings({"INSTATAG_NO_SUCH_THING": "1", "INSTATAG_TRENDING__NOPE": "2"})

    assert settings == Settings()


def test_a_secret_never_shows_in_the_settings_repr() -> None:
    settings = load_settings({"INSTATAG_SCRAPE__GRAPH_TOKEN": "EAAB-very-secret"})

    assert settings.scrape.graph_token is not None
    assert settings.scrape.graph_token.get_secret_value() == "EAAB-very-secret"
    assert "very-secret" not in repr(settings)


@pytest.mark.parametrize(
    ("variable", "value", "problem"),
    [
        ("INSTATAG_SCRAPE__HASHTAGS", '{"food": [1]}', "Expected `str`, got `int`"),
        ("INSTATAG_CATEGORIES", '["food",', "not valid JSON"),
        ("INSTATAG_MODELS__CACHE_DIR", '{"a": 1}', "Expected `str`, got `dict`"),
    ],
)
def test_a_malformed_structured_value_names_its_variable_and_problem(
    variable: str, value: str, problem: str
) -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings({variable: value})

    assert variable in str(raised.value)
    assert problem in str(raised.value)
