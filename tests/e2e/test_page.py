"""The web page at `/`: served with its assets, calling only paths the server has, rendering its
controls in a real headless Chromium, and asking nothing of any other host.

The browser tests drive Chromium from its command line (`--dump-dom`, `--screenshot`,
`--log-net-log`) against the real local server on the embedded backend. Without Chromium they
skip: they are the browser tier, and not every machine has one.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from instatag.server import HTTP_FUNCTIONS, create_app
from PIL import Image
from werkzeug.serving import make_server

STATIC = resources.files("instatag.static")
SCRIPT = STATIC.joinpath("app.js").read_text("utf-8")

# What the page must be able to reach; the parse below finds these and any others.
CALLED_BY_THE_PAGE = {"/tags", "/captions", "/trending", "/trending/categories"}

# An XML namespace name, never fetched: the one absolute URL the assets may contain.
SVG_NAMESPACE = "http://www.w3.org/2000/svg"

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    # Virtual time runs the page's script and waits for its requests before the dump.
    "--virtual-time-budget=8000",
]


class Elements(HTMLParser):
    """Every start tag of a document, with its attributes, and the text inside given ids."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._open: list[tuple[str, str | None]] = []
        self.text: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if tag not in {"input", "img", "meta", "link", "br", "hr", "source"}:
            self._open.append((tag, attributes.get("id")))

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        for _, element_id in self._open:
            if element_id:
                self.text[element_id] = self.text.get(element_id, "") + data

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [
            attributes
            for name, attributes in self.tags
            if name == tag and all(attributes.get(k) == v for k, v in wanted.items())
        ]

    def one(self, tag: str, **wanted: str) -> dict[str, str]:
        found = self.find(tag, **wanted)
        assert len(found) == 1, f"expected one <{tag} {wanted}>, found {len(found)}"
        return found[0]


def parse(html: str) -> Elements:
    elements = Elements()
    elements.feed(html)
    return elements


@pytest.fixture
def client(embedded: Path) -> FlaskClient:
    return create_app().test_client()


# --- Without a browser ---------------------------------------------------------------------


def test_the_page_and_every_asset_it_links_are_served(client: FlaskClient) -> None:
    page = client.get("/")

    assert page.status_code == 200
    assert page.mimetype == "text/html"
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    elements = parse(page.get_data(as_text=True))
    linked = [a["src"] for _, a in elements.tags if "src" in a]
    linked += [a["href"] for tag, a in elements.tags if tag == "link"]
    assert {"/static/app.js", "/static/app.css"} <= set(linked)

    kinds = {".js": "javascript", ".css": "text/css", ".svg": "image/svg+xml"}
    for path in linked:
        asset = client.get(path)
        assert asset.status_code == 200, path
        assert kinds[Path(path).suffix] in asset.content_type, path


def test_the_page_has_its_main_controls_with_labels(client: FlaskClient) -> None:
    elements = parse(client.get("/").get_data(as_text=True))

    photo = elements.one("input", id="photo", type="file")
    for kind in ("image/jpeg", "image/png", "image/webp", "image/heic"):
        assert kind in photo["accept"]
    platforms = {a["value"] for a in elements.find("input", type="radio", name="platform")}
    assert platforms == {"instagram", "tiktok", "x", "threads"}
    tones = {a["value"] for a in elements.find("input", type="radio", name="tone")}
    assert tones == {"casual", "funny", "inspirational", "minimal"}
    elements.one("button", id="suggest", type="submit")
    elements.one("select", id="category")

    labelled = {a["for"] for a in elements.find("label") if "for" in a}
    radios = elements.find("input", type="radio")
    for control in ["photo", "words", "category", "with-hashtags", *(a["id"] for a in radios)]:
        assert control in labelled, f"#{control} has no <label for>"


def test_every_path_the_script_calls_is_served_by_a_function() -> None:
    called = script_paths(SCRIPT)

    assert called >= CALLED_BY_THE_PAGE
    routes = create_app().url_map.bind("localhost")
    for path in called:
        endpoint, _ = routes.match(path, method="GET")
        function = path.strip("/").split("/")[0]
        assert function in HTTP_FUNCTIONS, path
        assert endpoint in {function, f"{function}_root"}, path


def test_the_assets_name_no_other_host() -> None:
    for name in ("index.html", "app.js", "app.css", "icon.svg"):
        text = STATIC.joinpath(name).read_text("utf-8").replace(SVG_NAMESPACE, "")
        assert not re.search(r"\b[a-z][a-z0-9+.-]*://", text, re.I), name
        assert not re.search(r"""(src|href)\s*=\s*["']//|url\(\s*["']?//|@import""", text), name


def script_paths(script: str) -> set[str]:
    """Every string literal in the script that is a server path ("/tags", '/trending/x')."""
    literals = re.findall(r"""(["'`])(/[a-z_][a-z0-9_/]*)\1""", script)
    return {path for _, path in literals}


# --- In a headless browser -----------------------------------------------------------------


@pytest.fixture
def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("SKIPPED FOR MISSING TOOLS: no `chromium` on PATH (apt-get install chromium)")


@pytest.fixture
def live_server(embedded: Path) -> Iterator[str]:
    """The real local server, as `instatag serve` runs it, on a free port."""
    server = make_server("127.0.0.1", 0, create_app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_the_browser_renders_the_controls_and_asks_only_the_server(
    chromium: str, live_server: str, tmp_path: Path
) -> None:
    netlog = tmp_path / "netlog.json"
    done = run_chromium(
        chromium, tmp_path / "profile", f"--log-net-log={netlog}", "--dump-dom", live_server + "/"
    )

    dom = parse(done.stdout)
    dom.one("input", id="photo", type="file")
    dom.one("textarea", id="words")
    assert len(dom.find("input", type="radio", name="platform")) == 4
    assert len(dom.find("input", type="radio", name="tone")) == 4
    dom.one("button", id="suggest", type="submit")
    assert_trending_panel_settled(dom, live_server)

    asked = page_requests(netlog, live_server)
    assert {"/static/app.js", "/static/app.css", "/trending/categories"} <= {
        url.removeprefix(live_server).split("?")[0] for url in asked
    }
    elsewhere = [url for url in asked if not url.startswith(live_server + "/")]
    assert elsewhere == []


def assert_trending_panel_settled(dom: Elements, server: str) -> None:
    """The script ran: the panel shows what /trending/categories answered, not a spinner."""
    status, answer = get_json(server + "/trending/categories")
    panel = " ".join(dom.text.get("trending-body", "").split())

    if status >= 400:
        assert answer["error"]["message"] in panel
        return
    listed = answer["categories"] if isinstance(answer, dict) else answer
    names = {
        item if isinstance(item, str) else item.get("category") or item.get("name")
        for item in listed
    }
    options = {a["value"] for a in dom.find("option") if "value" in a}
    assert options == names
    assert "Loading" not in panel


def get_json(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def page_requests(netlog: Path, server: str) -> list[str]:
    """The URLs the page itself asked for (the browser's own traffic has no page initiator)."""
    log = json.loads(netlog.read_text("utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params", {})
        if event["type"] != start_job or "url" not in params:
            continue
        if params.get("initiator") == server or params.get("request_type") == "main frame":
            urls.append(params["url"])
    return urls


@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_page_renders_at_desktop_and_phone_widths(
    chromium: str, live_server: str, tmp_path: Path, width: int, height: int
) -> None:
    shot = tmp_path / f"page-{width}.png"
    run_chromium(
        chromium,
        tmp_path / "profile",
        f"--window-size={width},{height}",
        f"--screenshot={shot}",
        live_server + "/",
    )

    assert png_size(shot) == (width, height)
    assert distinct_colours(shot) > 50, "the screenshot is close to blank"


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def distinct_colours(path: Path) -> int:
    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    return len(colours or [])
