"""The Graph API's hashtag budget: 30 unique hashtags per account in a rolling 7 days.

A hashtag counts from its first query for 7 days; querying it again inside that time is free
and does not restart its clock. The budget lives in the document store, one document per
account and hashtag (`graph_hashtag_budget/{user_id}__{hashtag}`: user_id, hashtag, since,
hashtag_id), so every worker instance sees the same budget and the hashtag's id is looked up
once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from instatag.ports import Document, DocumentStore, Filter

logger = logging.getLogger(__name__)

BUDGET = "graph_hashtag_budget"


@dataclass(frozen=True)
class Claim:
    """A hashtag this account may query now; `hashtag_id` once it is known."""

    hashtag: str
    since: str
    hashtag_id: str | None = None


class HashtagBudget:
    """Hands out hashtags without going over the account's limit."""

    def __init__(
        self, documents: DocumentStore, user_id: str, limit: int = 30, days: int = 7
    ) -> None:
        self._documents = documents
        self._user_id = user_id
        self._limit = limit
        self._window = timedelta(days=days)

    def claim(self, hashtag: str, now: datetime | None = None) -> Claim | None:
        """The hashtag's claim, counting it against the budget if it is not counted yet;
        None when the budget is spent."""
        now = now or datetime.now(UTC)
        doc_id = self._doc_id(hashtag)
        held = self._documents.get(BUDGET, doc_id)
        if held is not None and self._live(held, now):
            return _claim(held)

        if len(self._live_ids(now)) >= self._limit:
            logger.warning("hashtag budget spent: #%s not queried this week", hashtag)
            return None
        return self._take(doc_id, hashtag, held, now)

    def remember_id(self, claim: Claim, hashtag_id: str) -> Claim:
        """Keep the hashtag's Graph id, so later runs skip the search."""
        update = {"hashtag_id": hashtag_id}
        self._documents.set(BUDGET, self._doc_id(claim.hashtag), update, merge=True)
        return Claim(claim.hashtag, claim.since, hashtag_id)

    def used(self, now: datetime | None = None) -> int:
        """How many hashtags count against the budget now."""
        return len(self._live_ids(now or datetime.now(UTC)))

    def _take(
        self, doc_id: str, hashtag: str, held: Document | None, now: datetime
    ) -> Claim | None:
        doc = {
            "user_id": self._user_id,
            "hashtag": hashtag,
            "since": _stamp(now),
            "hashtag_id": (held or {}).get("hashtag_id"),
        }
        if held is None:
            if not self._documents.insert_new(BUDGET, {doc_id: doc}):
                # Another worker claimed it first; its claim is as good as ours.
                return self.claim(hashtag, now)
        else:
            self._documents.set(BUDGET, doc_id, doc)

        # Two workers may each take the last place at once; the later claim gives way.
        if doc_id not in self._live_ids(now)[: self._limit]:
            self._give_back(doc_id, held)
            logger.warning("hashtag budget spent: #%s not queried this week", hashtag)
            return None
        return _claim(doc)

    def _give_back(self, doc_id: str, held: Document | None) -> None:
        if held is None:
            self._documents.delete(BUDGET, doc_id)
        else:
            self._documents.set(BUDGET, doc_id, held)

    def _live_ids(self, now: datetime) -> list[str]:
        """Ids of the hashtags counting now, oldest claim first."""
        cutoff = _stamp(now - self._window)
        live = [
            (doc["since"], doc_id)
            for doc_id, doc in self._documents.query(BUDGET, [Filter("since", ">", cutoff)])
            if doc.get("user_id") == self._user_id
        ]
        return [doc_id for _, doc_id in sorted(live)]

    def _live(self, doc: Document, now: datetime) -> bool:
        return str(doc.get("since", "")) > _stamp(now - self._window)

    def _doc_id(self, hashtag: str) -> str:
        return f"{self._user_id}__{hashtag}"


def _claim(doc: Document) -> Claim:
    hashtag_id = doc.get("hashtag_id")
    return Claim(str(doc["hashtag"]), str(doc["since"]), hashtag_id if hashtag_id else None)


def _stamp(moment: datetime) -> str:
    """A UTC time that sorts as text, as the store compares it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
