"""The local server mounts every function under its own path, and the page at `/`."""

from __future__ import annotations

from pathlib import Path

from instatag.server import HTTP_FUNCTIONS, create_app


def test_every_function_is_mounted_at_its_path_and_below(embedded: Path) -> None:
    rules = {rule.rule for rule in create_app().url_map.iter_rules()}

    for name in HTTP_FUNCTIONS:
        assert {f"/{name}", f"/{name}/<path:subpath>"} <= rules, name


def test_a_mounted_function_sees_paths_relative_to_its_own_url(embedded: Path) -> None:
    client = create_app().test_client()

    listed = client.get("/trending/categories")
    assert listed.status_code == 200
    assert "categories" in listed.json

    unknown = client.get("/trending/nowhere")
    assert unknown.status_code == 404
    assert "/nowhere" in unknown.json["error"]["message"]


def test_scheduler_and_task_endpoints_refuse_a_get(embedded: Path) -> None:
    client = create_app().test_client()

    for name in ("scrape_dispatch", "scrape_worker"):
        response = client.get(f"/{name}")
        assert response.status_code == 405, name
        assert response.json["error"]["code"] == "method_not_allowed"


def test_the_page_and_health_are_served(embedded: Path) -> None:
    client = create_app().test_client()

    page = client.get("/")
    assert page.status_code == 200
    assert b"InstaTag" in page.data
    assert client.get("/healthz").json == {"status": "ok"}


def test_an_unknown_path_is_a_json_404(embedded: Path) -> None:
    response = create_app().test_client().get("/nowhere")

    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"
