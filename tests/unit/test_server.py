"""The local server mounts every function under its own path, and the page at `/`."""

from __future__ import annotations

from pathlib import Path

from instatag.server import HTTP_FUNCTIONS, create_app


def test_every_function_answers_json_under_its_path(embedded: Path) -> None:
    client = create_app().test_client()

    for name in HTTP_FUNCTIONS:
        response = client.post(f"/{name}", json={})
        assert response.is_json, name
        assert response.status_code < 500 or response.status_code in (501, 503), name


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
