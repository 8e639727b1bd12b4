"""The scrape worker and dispatch functions on the embedded backend."""

from __future__ import annotations

import functools
import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from google.auth import crypt, jwt
from instatag import runtime
from instatag.corpus import POSTS, TAG_COUNTS
from instatag.ports.embedded.tasks import LocalTaskQueue
from instatag.scrape.run import schedule_slot, task_id
from instatag.server import create_app
from instatag.trending import cache as cached
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from tests.fakes.graph_api import FakeGraphApi

WORKER_URL = "https://scrape-worker.example.run.app"
SERVICE_ACCOUNT = "tasks@instatag-test.iam.gserviceaccount.com"


def write_export(path: Path) -> Path:
    lines = [
        {"shortcode": f"food{i}", "category": "food", "hashtags": ["#food", "#pasta"]}
        for i in range(4)
    ] + [{"shortcode": "trip1", "category": "travel", "hashtags": ["#travel"]}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def use(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    for key, value in env.items():
        monkeypatch.setenv(f"INSTATAG_{key}", value)
    runtime.reset()


@pytest.fixture
def client(embedded: Path) -> Any:
    return create_app().test_client()


@pytest.fixture
def api(embedded: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGraphApi]:
    with FakeGraphApi() as fake:
        use(
            monkeypatch,
            SCRAPE__SOURCE="graph",
            SCRAPE__GRAPH_API_URL=fake.url,
            SCRAPE__GRAPH_USER_ID=fake.user_id,
            SCRAPE__GRAPH_TOKEN=fake.token,
            SCRAPE__REQUEST_TIMEOUT_SECONDS="0.3",
            SCRAPE__HASHTAGS=json.dumps({"food": ["pasta", "pizza"]}),
        )
        yield fake


def counters() -> dict[str, Any]:
    return dict(runtime.documents().query(TAG_COUNTS))


# Payloads and the file source.


@pytest.mark.parametrize(
    ("payload", "problem"),
    [
        ([], "JSON object"),
        ({}, "`category`"),
        ({"category": "  "}, "`category`"),
        ({"category": "food", "source": "ftp"}, "`source`"),
        ({"category": "<b>", "source": "file"}, "not a category name"),
        ({"category": "knitting", "source": "graph"}, "not configured"),
    ],
)
def test_a_bad_task_payload_is_a_400_naming_the_problem(
    client: Any, payload: Any, problem: str
) -> None:
    response = client.post("/scrape_worker", json=payload)

    assert response.status_code == 400
    assert problem in response.json["error"]["message"]


def test_a_file_task_stores_posts_and_counts_once_even_when_replayed(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use(monkeypatch, SCRAPE__FILE_PATH=str(write_export(tmp_path / "export.jsonl")))

    first = client.post("/scrape_worker", json={"category": "food", "source": "file"})
    runtime.events().join()  # type: ignore[attr-defined]
    after_first = counters()
    again = client.post("/scrape_worker", json={"category": "food", "source": "file"})

    assert first.json == {"category": "food", "source": "file", "fetched": 4, "new": 4, "seen": 0}
    assert again.json["new"] == 0 and again.json["seen"] == 4
    assert counters() == after_first
    (food,) = after_first.values()
    assert food["counts"] == {"food": 4, "pasta": 4}
    assert food["posts"] == 4
    # corpus-updated reached sync_cache in this process, which filled the cache.
    assert cached.read(runtime.cache(), cached.category_key("food")) is not None


def test_the_file_source_without_a_path_is_a_config_error(client: Any) -> None:
    response = client.post("/scrape_worker", json={"category": "food", "source": "file"})

    assert response.status_code == 500
    assert "INSTATAG_SCRAPE__FILE_PATH" in response.json["error"]["message"]


# The Graph source through the function.


def test_a_graph_task_stores_the_posts_of_every_configured_hashtag(
    client: Any, api: FakeGraphApi
) -> None:
    api.add_hashtag("pasta", top=api.make_media(3, "#pasta #dinner"))
    api.add_hashtag("pizza", recent=api.make_media(2, "#pizza"))

    response = client.post("/scrape_worker", json={"category": "food"})

    assert response.status_code == 200
    assert response.json["new"] == 5
    (food,) = counters().values()
    assert food["counts"] == {"pasta": 3, "dinner": 3, "pizza": 2}


def test_a_rate_limited_source_answers_429_with_retry_after_and_keeps_what_it_read(
    client: Any, api: FakeGraphApi
) -> None:
    api.add_hashtag("pasta", top=api.make_media(3, "#pasta"))
    api.add_hashtag("pizza", top=api.make_media(2, "#pizza"))
    api.fail("rate_limit", path=f"{api.hashtags['pizza']}/top_media", code=17, retry_after=30)

    response = client.post("/scrape_worker", json={"category": "food"})

    assert response.status_code == 429
    assert response.headers["Retry-After"] == "30"
    assert response.json["error"]["code"] == "rate_limited"
    assert len(list(runtime.documents().query(POSTS))) == 3


@pytest.mark.parametrize("kind", ["server_error", "slow", "malformed"])
def test_an_unavailable_source_answers_503_so_the_queue_retries(
    client: Any, api: FakeGraphApi, kind: Any
) -> None:
    api.add_hashtag("pasta", top=api.make_media(3, "#pasta"))
    api.fail(kind, path="top_media")

    response = client.post("/scrape_worker", json={"category": "food"})

    assert response.status_code == 503
    assert response.json["error"]["code"] == "unavailable"


def test_the_embedded_queue_retries_a_rate_limited_task_until_it_succeeds(
    api: FakeGraphApi,
) -> None:
    api.add_hashtag("pasta", top=api.make_media(3, "#pasta"))
    api.add_hashtag("pizza", top=api.make_media(2, "#pizza"))
    api.fail("rate_limit", path="top_media", code=4, retry_after=1)
    queue = LocalTaskQueue()

    queue.enqueue(runtime_task("food"))
    queue.join()

    assert len(list(runtime.documents().query(POSTS))) == 5


def runtime_task(category: str) -> Any:
    from instatag.ports import Task

    return Task("scrape_worker", {"category": category, "source": "graph"})


# OIDC.


@pytest.fixture
def issuer(embedded: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., str]]:
    """A local stand-in for Google's certificate endpoint, and a signer for its tokens."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    signer = crypt.RSASigner.from_string(private, key_id="k1")

    @Request.application  # type: ignore[arg-type]
    def certs(request: Request) -> Response:
        return Response(json.dumps({"k1": public.decode()}), mimetype="application/json")

    server = make_server("127.0.0.1", 0, certs, threaded=True)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    use(
        monkeypatch,
        SCRAPE__VERIFY_OIDC="true",
        SCRAPE__OIDC_CERTS_URL=f"http://127.0.0.1:{server.server_port}/certs",
        GOOGLE__TASKS_SERVICE_ACCOUNT=SERVICE_ACCOUNT,
        GOOGLE__FUNCTION_URLS=json.dumps({"scrape_worker": WORKER_URL}),
    )

    def mint(**claims: Any) -> str:
        now = int(time.time())
        payload = {
            "iss": "https://accounts.google.com",
            "aud": WORKER_URL,
            "email": SERVICE_ACCOUNT,
            "email_verified": True,
            "iat": now,
            "exp": now + 600,
            **claims,
        }
        return jwt.encode(signer, payload).decode()

    yield mint
    server.shutdown()


def call_worker(client: Any, token: str | None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/scrape_worker", json={"category": "<bad>"}, headers=headers)


def test_a_task_signed_for_this_worker_is_accepted(
    client: Any, issuer: Callable[..., str]
) -> None:
    # The payload is refused on its merits (400), which shows the token was accepted.
    assert call_worker(client, issuer()).status_code == 400


@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "https://someone-else.example"},
        {"iss": "https://evil.example"},
        {"email": "intruder@example.com"},
        {"email_verified": False},
        {"iat": 1_000_000, "exp": 1_000_600},
    ],
)
def test_a_token_with_wrong_claims_is_a_401(
    client: Any, issuer: Callable[..., str], claims: dict[str, Any]
) -> None:
    response = call_worker(client, issuer(**claims))

    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"


def test_without_a_configured_audience_the_worker_accepts_its_own_https_url(
    client: Any, issuer: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INSTATAG_GOOGLE__FUNCTION_URLS")
    runtime.reset()

    own = issuer(aud="https://worker.internal")
    other = issuer(aud=WORKER_URL)
    headers = {"Host": "worker.internal"}

    accepted = client.post(
        "/scrape_worker", json={}, headers={**headers, "Authorization": f"Bearer {own}"}
    )
    refused = client.post(
        "/scrape_worker", json={}, headers={**headers, "Authorization": f"Bearer {other}"}
    )
    assert (accepted.status_code, refused.status_code) == (400, 401)


def test_a_missing_or_garbled_token_is_a_401(client: Any, issuer: Callable[..., str]) -> None:
    assert call_worker(client, None).status_code == 401
    assert call_worker(client, "not.a.jwt").status_code == 401


def test_tokens_are_verified_by_default_only_on_google_outside_the_emulators(
    monkeypatch: pytest.MonkeyPatch, embedded: Path
) -> None:
    from instatag.handlers.scrape_worker import should_verify

    assert not should_verify(runtime.settings())
    use(monkeypatch, BACKEND="google")
    assert should_verify(runtime.settings())
    use(monkeypatch, GOOGLE__TASKS_EMULATOR_HOST="127.0.0.1:8123")
    assert not should_verify(runtime.settings())


# Dispatch.


@pytest.fixture
def queued(embedded: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    inbox: list[dict[str, Any]] = []
    queue = LocalTaskQueue(handlers={"scrape_worker": inbox.append})
    monkeypatch.setattr(runtime, "tasks", functools.cache(lambda: queue))
    use(monkeypatch, CATEGORIES='["food", "travel", "street food"]')
    return inbox


def test_dispatch_queues_one_task_per_category_once_per_slot(
    client: Any, queued: list[dict[str, Any]]
) -> None:
    first = client.post("/scrape_dispatch")
    again = client.post("/scrape_dispatch", json={})
    runtime.tasks().join()  # type: ignore[attr-defined]

    assert first.status_code == 200
    assert first.json["tasks"] == again.json["tasks"]
    # No source named: each worker runs its own configured source.
    assert sorted(queued, key=lambda p: p["category"]) == [
        {"category": "food"},
        {"category": "street food"},
        {"category": "travel"},
    ]


def test_dispatch_can_be_narrowed_and_refuses_bad_bodies(
    client: Any, queued: list[dict[str, Any]]
) -> None:
    narrowed = client.post("/scrape_dispatch", json={"categories": ["food"], "source": "graph"})
    runtime.tasks().join()  # type: ignore[attr-defined]

    assert list(narrowed.json["tasks"]) == ["food"]
    assert queued == [{"category": "food", "source": "graph"}]
    assert client.post("/scrape_dispatch", json={"categories": []}).status_code == 400
    assert client.post("/scrape_dispatch", json={"source": "ftp"}).status_code == 400
    assert client.post("/scrape_dispatch", data="[1]").status_code == 400


def test_task_ids_follow_the_schedule_slot_and_stay_valid_names() -> None:
    at = datetime(2026, 12, 3, 15, 42, tzinfo=UTC)

    assert schedule_slot(at, 60) == "202612031500"
    assert schedule_slot(at, 15) == "202612031530"
    assert schedule_slot(at.replace(minute=59), 60) == schedule_slot(at.replace(minute=0), 60)
    assert task_id("food", None, "202612031500") == "scrape-food-202612031500"
    assert task_id("food", "graph", "202612031500") == "scrape-food-graph-202612031500"
    odd = task_id("street food", "file", "202612031500")
    assert odd.startswith("scrape-street_food_") and " " not in odd
    assert odd != task_id("street_food", "file", "202612031500")
