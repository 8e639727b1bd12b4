"""How each Cloud Function is deployed: who calls it and which settings it is given.

`infra/` (Terraform) follows this table and `tests/infra` proves that it does. Settings are
named by their environment variables, as `instatag.settings` reads them. A new function needs an
entry here; a new setting a function must be given goes into its entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The Cloud Functions runtime every function is deployed on (pyproject's lowest Python).
RUNTIME = "python311"

# public: anyone over HTTPS; scheduler: Cloud Scheduler with OIDC; tasks: Cloud Tasks with OIDC;
# pubsub: a push subscription with OIDC delivering CloudEvents.
Caller = Literal["public", "scheduler", "tasks", "pubsub"]

# What every function reads: which backend, and the project and region it runs in.
BASE_SETTINGS = frozenset(
    {"INSTATAG_BACKEND", "INSTATAG_GOOGLE__PROJECT", "INSTATAG_GOOGLE__REGION"}
)


@dataclass(frozen=True)
class FunctionSpec:
    """One function's deployment: who calls it, its plain settings and its secret settings."""

    caller: Caller
    settings: frozenset[str] = frozenset()
    # Read from Secret Manager, never given as plain text.
    secrets: frozenset[str] = frozenset()

    @property
    def environment(self) -> frozenset[str]:
        """Every environment variable the function must be given."""
        return BASE_SETTINGS | self.settings | self.secrets


FUNCTIONS: dict[str, FunctionSpec] = {
    "tags": FunctionSpec(
        caller="public",
        settings=frozenset({"INSTATAG_GOOGLE__MODEL_BUCKET"}),
    ),
    "captions": FunctionSpec(
        caller="public",
        settings=frozenset(
            {"INSTATAG_GOOGLE__MODEL_BUCKET", "INSTATAG_GOOGLE__FIRESTORE_DATABASE"}
        ),
    ),
    "trending": FunctionSpec(
        caller="public",
        settings=frozenset({"INSTATAG_GOOGLE__FIRESTORE_DATABASE"}),
        secrets=frozenset({"INSTATAG_GOOGLE__REDIS_URL"}),
    ),
    "scrape_dispatch": FunctionSpec(
        caller="scheduler",
        settings=frozenset(
            {
                "INSTATAG_GOOGLE__TASKS_QUEUE",
                "INSTATAG_GOOGLE__TASKS_SERVICE_ACCOUNT",
                "INSTATAG_GOOGLE__FUNCTION_URLS",
            }
        ),
    ),
    "scrape_worker": FunctionSpec(
        caller="tasks",
        settings=frozenset(
            {
                "INSTATAG_GOOGLE__FIRESTORE_DATABASE",
                "INSTATAG_GOOGLE__TASKS_SERVICE_ACCOUNT",
                "INSTATAG_SCRAPE__SOURCE",
                "INSTATAG_SCRAPE__GRAPH_USER_ID",
                "INSTATAG_SCRAPE__GRAPH_API_URL",
            }
        ),
        secrets=frozenset({"INSTATAG_SCRAPE__GRAPH_TOKEN"}),
    ),
    "sync_cache": FunctionSpec(
        caller="pubsub",
        settings=frozenset({"INSTATAG_GOOGLE__FIRESTORE_DATABASE"}),
        secrets=frozenset({"INSTATAG_GOOGLE__REDIS_URL"}),
    ),
}
