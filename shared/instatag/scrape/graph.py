"""Posts from the Instagram Graph API's hashtag search.

For each hashtag of a category: `GET /ig_hashtag_search?user_id=&q=` gives the hashtag's id
(once; the id is kept with the budget), then `GET /{id}/top_media` and `GET /{id}/recent_media`
give public posts, a few pages each. The token travels in the `Authorization` header, never in
a URL, so it cannot leak into a log line.

Nothing here sleeps or retries: a rate limit raises `RateLimited` and an outage `Unavailable`,
and the task queue retries the whole task later.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

import requests

from instatag.corpus import Post, normalise_hashtag
from instatag.errors import BadRequest, RateLimited, Unavailable
from instatag.scrape.budget import Claim, HashtagBudget

logger = logging.getLogger(__name__)

MEDIA_FIELDS = "id,caption,like_count,comments_count,timestamp,media_type,permalink"
EDGES = ("top_media", "recent_media")

# Graph error codes that mean "slow down": app, user, page and custom rate limits, and the
# business use case limits Instagram reports as 80002.
RATE_LIMIT_CODES = frozenset({4, 17, 32, 613, 80002})
# Codes whose own documentation says "temporary, retry".
TEMPORARY_CODES = frozenset({1, 2, 341})
# The query named a hashtag the API will not search (unknown, sensitive, or malformed).
REJECTED_QUERY_CODES = frozenset({24, 100})

_SHORTCODE = re.compile(r"instagram\.com/(?:[\w.]+/)?(?:p|reel|tv)/([\w-]+)")


class HashtagRejected(Exception):
    """The API will not search this hashtag; the others still can be."""


class GraphApiSource:
    """A scrape source reading the Graph API's hashtag edges."""

    name = "graph"

    def __init__(
        self,
        base_url: str,
        user_id: str,
        token: str,
        budget: HashtagBudget,
        *,
        hashtags: Mapping[str, Sequence[str]] | None = None,
        timeout: float = 10.0,
        max_pages: int = 2,
        page_size: int = 50,
        retry_after: float = 60.0,
        session: requests.Session | None = None,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._user_id = user_id
        self._budget = budget
        self._hashtags = dict(hashtags or {})
        self._timeout = timeout
        self._max_pages = max_pages
        self._page_size = page_size
        self._retry_after = retry_after
        self._session = session or requests.Session()
        self._session.headers["Authorization"] = f"Bearer {token}"

    def hashtags_for(self, category: str) -> list[str]:
        """The hashtags searched for a category: configured, else the category's own name."""
        listed = self._hashtags.get(category) or [category]
        return list(dict.fromkeys(filter(None, map(normalise_hashtag, listed))))

    def fetch(self, category: str) -> Iterator[Post]:
        seen: set[str] = set()
        for hashtag in self.hashtags_for(category):
            claim = self._budget.claim(hashtag)
            if claim is None:
                continue
            try:
                hashtag_id = self._hashtag_id(claim)
            except HashtagRejected as exc:
                logger.warning("hashtag #%s skipped: %s", hashtag, exc)
                continue

            for edge in EDGES:
                for post in self._edge(hashtag, hashtag_id, edge, category):
                    if post.id not in seen:
                        seen.add(post.id)
                        yield post

    def _hashtag_id(self, claim: Claim) -> str:
        if claim.hashtag_id:
            return claim.hashtag_id

        params = {"user_id": self._user_id, "q": claim.hashtag}
        body = self._get("ig_hashtag_search", params, searching=True)
        found = body.get("data")
        if not isinstance(found, list) or not found or not isinstance(found[0], dict):
            raise HashtagRejected("the search found no hashtag of that name")
        hashtag_id = found[0].get("id")
        if not isinstance(hashtag_id, str | int) or isinstance(hashtag_id, bool):
            raise Unavailable("Graph API answered ig_hashtag_search without an id")

        return self._budget.remember_id(claim, str(hashtag_id)).hashtag_id or str(hashtag_id)

    def _edge(self, hashtag: str, hashtag_id: str, edge: str, category: str) -> Iterator[Post]:
        params = {"user_id": self._user_id, "fields": MEDIA_FIELDS, "limit": self._page_size}
        for page in range(self._max_pages):
            body = self._get(f"{hashtag_id}/{edge}", params)
            media = body.get("data")
            if not isinstance(media, list):
                raise Unavailable(f"Graph API answered {edge} without a `data` list")
            for item in media:
                post = to_post(item, category, hashtag, edge)
                if post is not None:
                    yield post

            after = _next_cursor(body)
            if after is None:
                return
            params = {**params, "after": after}
            logger.debug("#%s %s: page %d read, more follow", hashtag, edge, page + 1)

    def _get(
        self, path: str, params: Mapping[str, Any], searching: bool = False
    ) -> dict[str, Any]:
        """One GET, its JSON object, or the `InstaTagError` its failure calls for."""
        endpoint = path.rsplit("/", maxsplit=1)[-1]
        try:
            response = self._session.get(
                f"{self._base}/{path}", params=params, timeout=self._timeout
            )
        except requests.Timeout as exc:
            raise Unavailable(f"Graph API {endpoint} took over {self._timeout}s") from exc
        except requests.RequestException as exc:
            raise Unavailable(f"Graph API {endpoint} unreachable ({type(exc).__name__})") from exc

        body = _json(response)
        if response.status_code >= 400 or "error" in (body or {}):
            raise self._failure(endpoint, response, body, searching)
        if body is None:
            raise Unavailable(f"Graph API {endpoint} answered {response.status_code} without JSON")
        return body

    def _failure(
        self,
        endpoint: str,
        response: requests.Response,
        body: dict[str, Any] | None,
        searching: bool,
    ) -> Exception:
        error = (body or {}).get("error")
        error = error if isinstance(error, dict) else {}
        code = error.get("code")
        message = f"Graph API {endpoint}: {response.status_code}"
        if code is not None:
            message += f" code {code}/{error.get('error_subcode')}: {error.get('message')}"
        else:
            message += " without a Graph error body"

        if response.status_code == 429 or code in RATE_LIMIT_CODES:
            return RateLimited(message, retry_after=self._retry_after_of(response))
        if searching and code in REJECTED_QUERY_CODES:
            return HashtagRejected(message)
        return Unavailable(message)

    def _retry_after_of(self, response: requests.Response) -> float:
        """Seconds to wait: `Retry-After`, else Instagram's usage header, else the default."""
        header = response.headers.get("Retry-After", "")
        if header.strip().isdigit():
            return float(header)
        minutes = _regain_minutes(response.headers.get("X-Business-Use-Case-Usage"))
        return minutes * 60.0 if minutes else self._retry_after


def to_post(media: Any, category: str, hashtag: str, edge: str) -> Post | None:
    """A Graph media object as a post, or None (logged) when it is not usable."""
    if not isinstance(media, dict) or not isinstance(media.get("id"), str | int):
        logger.warning("Graph API %s: skipped a media object without an id", edge)
        return None

    media_id = str(media["id"])
    permalink = media.get("permalink")
    found = _SHORTCODE.search(permalink) if isinstance(permalink, str) else None
    record = {
        # The shortcode is the post's id in every source, so an export and the API agree.
        "id": found.group(1) if found else media_id,
        "category": category,
        "hashtags": [hashtag],
        "caption": media.get("caption"),
        "like_count": media.get("like_count"),
        "comments_count": media.get("comments_count"),
        "timestamp": media.get("timestamp"),
        "permalink": permalink,
    }
    try:
        post = Post.from_record(record, source="graph")
    except BadRequest as exc:
        logger.warning("Graph API %s: skipped media %s: %s", edge, media_id, exc)
        return None
    extra = {"media_id": media_id, "media_type": media.get("media_type"), "edge": edge}
    return replace(post, extra=extra)


def _json(response: requests.Response) -> dict[str, Any] | None:
    try:
        body = response.json()
    except (ValueError, json.JSONDecodeError):
        return None
    return body if isinstance(body, dict) else None


def _next_cursor(body: Mapping[str, Any]) -> str | None:
    """The `after` cursor when the page says another follows (it carries `paging.next`)."""
    paging = body.get("paging")
    if not isinstance(paging, dict) or not paging.get("next"):
        return None
    cursors = paging.get("cursors")
    after = cursors.get("after") if isinstance(cursors, dict) else None
    return after if isinstance(after, str) and after else None


def _regain_minutes(header: str | None) -> float | None:
    """The longest `estimated_time_to_regain_access` in `X-Business-Use-Case-Usage`."""
    if not header:
        return None
    try:
        usage = json.loads(header)
    except json.JSONDecodeError:
        return None
    waits = [
        entry.get("estimated_time_to_regain_access")
        for entries in (usage.values() if isinstance(usage, dict) else [])
        if isinstance(entries, list)
        for entry in entries
        if isinstance(entry, dict)
    ]
    numbers = [float(w) for w in waits if isinstance(w, int | float) and w > 0]
    return max(numbers, default=None)
