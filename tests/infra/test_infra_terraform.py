"""The Terraform in infra/ deploys every function in functions/ the way the code expects.

Functions are found in functions/, their handlers and callers in the code (main.py,
`instatag.wiring`, `instatag.deploy`), and each is checked against the parsed HCL.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import msgspec
import pytest
from instatag import deploy, wiring
from instatag.settings import Settings
from tfconfig import FUNCTIONS_DIR, INFRA, ROOT, Config, expression, handler_of, load, only

from infra import bundle

FUNCTIONS = bundle.discover_functions(FUNCTIONS_DIR)
MODULE_DIRS = sorted(path for path in (INFRA / "modules").iterdir() if path.is_dir())
EXAMPLE_DIRS = sorted(path for path in (INFRA / "examples").iterdir() if path.is_dir())


def called_by(caller: str) -> list[str]:
    return [name for name in FUNCTIONS if name in deploy.FUNCTIONS and spec(name).caller == caller]


def spec(function: str) -> deploy.FunctionSpec:
    assert function in deploy.FUNCTIONS, f"add {function} to instatag.deploy.FUNCTIONS"
    return deploy.FUNCTIONS[function]


@pytest.fixture(scope="module")
def root() -> Config:
    return load(INFRA)


def function_block(root: Config, function: str) -> dict[str, Any]:
    blocks = root.function_modules()
    assert function in blocks, f"infra/main.tf has no module block deploying {function}"
    return blocks[function]


def environment_of(root: Config, block: dict[str, Any]) -> dict[str, Any]:
    assert expression(block["common_environment"]) == "local.environment"
    return {**root.locals["environment"], **block["environment"]}


def test_functions_are_found() -> None:
    assert "tags" in FUNCTIONS
    assert "sync_cache" in FUNCTIONS


def test_every_function_has_a_deployment_entry() -> None:
    assert set(FUNCTIONS) == set(deploy.FUNCTIONS), (
        "functions/ and instatag.deploy.FUNCTIONS must name the same functions"
    )


@pytest.mark.parametrize("function", FUNCTIONS)
def test_function_is_deployed_from_its_bundle_with_its_entry_point(
    root: Config, function: str
) -> None:
    block = function_block(root, function)

    assert block["entry_point"] == handler_of(function).entry_point
    assert block["archive"] == f"${{var.bundle_dir}}/{function}.zip"
    assert expression(block["sizing"]) == f'var.function_sizing["{function}"]'
    assert function in root.variables["function_sizing"]["default"]


@pytest.mark.parametrize("function", FUNCTIONS)
def test_function_runs_on_the_project_runtime(root: Config, function: str) -> None:
    block = function_block(root, function)
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    lowest = re.search(r">=\s*3\.(\d+)", requires)

    assert lowest is not None
    assert f"python3{lowest.group(1)}" == deploy.RUNTIME
    assert expression(block["runtime"]) == "local.runtime"
    assert root.locals["runtime"] == deploy.RUNTIME


def test_function_module_builds_and_serves_what_it_is_given() -> None:
    module = load(INFRA / "modules" / "function")
    function = module.resource("google_cloudfunctions2_function")["this"]
    build = only(function["build_config"])
    service = only(function["service_config"])

    assert expression(build["entry_point"]) == "var.entry_point"
    assert expression(build["runtime"]) == "var.runtime"
    assert expression(service["environment_variables"]) == (
        "merge(var.common_environment, var.environment)"
    )
    assert expression(service["ingress_settings"]) == "var.ingress"
    assert expression(service["min_instance_count"]) == "var.sizing.min_instances"
    assert expression(service["available_memory"]) == "var.sizing.memory"
    assert "event_trigger" not in function


@pytest.mark.parametrize("function", FUNCTIONS)
def test_function_is_given_every_setting_it_needs(root: Config, function: str) -> None:
    needs = spec(function)
    block = function_block(root, function)
    plain = environment_of(root, block)
    secret = set(block["secret_environment"])

    assert plain["INSTATAG_BACKEND"] == "google"
    assert needs.settings | deploy.BASE_SETTINGS <= set(plain)
    assert needs.secrets <= secret, "secret settings come from Secret Manager"
    assert not needs.secrets & set(plain), "secret settings are never given as plain text"


def _resolves(name: str) -> bool:
    group: type[msgspec.Struct] = Settings
    for part in name.removeprefix("INSTATAG_").lower().split("__"):
        fields = {f.name: f.type for f in msgspec.structs.fields(group)}
        if part not in fields:
            return False
        if isinstance(fields[part], type) and issubclass(fields[part], msgspec.Struct):
            group = fields[part]
    return True


def test_deployment_table_names_real_settings() -> None:
    for spec in deploy.FUNCTIONS.values():
        for name in spec.settings | deploy.BASE_SETTINGS:
            assert _resolves(name), f"{name} is not a field of instatag.settings.Settings"
        for name in spec.secrets:
            group = name.removeprefix("INSTATAG_").split("__")[0].lower()
            assert _resolves(f"INSTATAG_{group}"), f"{name} names no settings group"


@pytest.mark.parametrize("function", FUNCTIONS)
def test_who_may_call_the_function(root: Config, function: str) -> None:
    caller = spec(function).caller
    block = function_block(root, function)
    members = set(block["invokers"].values())

    if caller == "public":
        assert block["ingress"] == "ALLOW_ALL"
        assert members == {"allUsers"}
    else:
        assert block["ingress"] == "ALLOW_INTERNAL_ONLY"
        assert "allUsers" not in members
        assert len(members) == 1


@pytest.mark.parametrize("function", FUNCTIONS)
def test_signature_matches_the_caller(function: str) -> None:
    signature = handler_of(function).signature
    caller = spec(function).caller

    assert signature in {"http", "cloud_event"}
    assert (signature == "cloud_event") == (caller == "pubsub")


def _signer(oidc: dict[str, Any]) -> str:
    """The service account resource signing an OIDC token, e.g. google_service_account.x."""
    match = re.fullmatch(
        r"(google_service_account\.\w+)\.email", expression(oidc["service_account_email"])
    )
    assert match, oidc
    return match.group(1)


def _invoker_accounts(block: dict[str, Any]) -> set[str]:
    return {expression(member).removesuffix(".member") for member in block["invokers"].values()}


@pytest.mark.parametrize("function", called_by("scheduler"))
def test_scheduled_function_is_called_by_cloud_scheduler_with_oidc(
    root: Config, function: str
) -> None:
    block = function_block(root, function)
    uri = f"module.{block['_block']}.uri"
    jobs = [
        job
        for job in root.resource("google_cloud_scheduler_job").values()
        if expression(only(job["http_target"])["uri"]) == uri
    ]

    assert len(jobs) == 1
    target = only(jobs[0]["http_target"])
    oidc = only(target["oidc_token"])
    assert expression(oidc["audience"]) == uri
    assert _invoker_accounts(block) == {_signer(oidc)}
    assert expression(jobs[0]["schedule"]) == "var.scrape_schedule.cron"


@pytest.mark.parametrize("function", called_by("tasks"))
def test_task_function_is_called_by_cloud_tasks_with_oidc(root: Config, function: str) -> None:
    block = function_block(root, function)
    queue = only(list(root.resource("google_cloud_tasks_queue").values()))
    senders = [
        other
        for other in root.function_modules().values()
        if "INSTATAG_GOOGLE__TASKS_QUEUE" in other["environment"]
    ]

    assert function in wiring.TASK_TARGETS
    assert only(queue["rate_limits"])["max_dispatches_per_second"]
    assert only(queue["retry_config"])["max_attempts"]
    assert senders, "some function must queue the tasks"
    for sender in senders:
        account = expression(sender["environment"]["INSTATAG_GOOGLE__TASKS_SERVICE_ACCOUNT"])
        urls = expression(sender["environment"]["INSTATAG_GOOGLE__FUNCTION_URLS"])
        assert _invoker_accounts(block) == {account.removesuffix(".email")}
        assert f"{function} = module.{block['_block']}.uri" in urls


@pytest.mark.parametrize("function", called_by("pubsub"))
def test_event_function_is_pushed_its_topic_with_retries_and_dead_letters(
    root: Config, function: str
) -> None:
    block = function_block(root, function)
    uri = f"module.{block['_block']}.uri"
    closure = bundle.import_closure(FUNCTIONS_DIR / function / "main.py").modules
    topics = [
        topic
        for topic, handler in wiring.SUBSCRIBERS.items()
        if handler.partition(":")[0] in closure
    ]
    subscriptions = [
        subscription
        for subscription in root.resource("google_pubsub_subscription").values()
        if "push_config" in subscription
        and only(subscription["push_config"])["push_endpoint"].startswith(f"${{{uri}}}")
    ]

    assert len(topics) == 1, f"{function} must handle exactly one topic of instatag.wiring"
    assert len(subscriptions) == 1
    subscription = subscriptions[0]
    topic_ref = expression(subscription["topic"])
    topic = root.resource("google_pubsub_topic")[topic_ref.split(".")[1]]
    assert expression(topic["name"]) == "local.corpus_updated_topic"
    assert root.locals["corpus_updated_topic"] == topics[0]

    oidc = only(only(subscription["push_config"])["oidc_token"])
    assert expression(oidc["audience"]) == uri
    assert _invoker_accounts(block) == {_signer(oidc)}

    retry = only(subscription["retry_policy"])
    assert retry["minimum_backoff"] and retry["maximum_backoff"]
    dead_letter = only(subscription["dead_letter_policy"])
    assert expression(dead_letter["dead_letter_topic"]) != topic_ref
    assert expression(dead_letter["dead_letter_topic"]).startswith("google_pubsub_topic.")


@pytest.mark.parametrize(
    "function",
    [name for name in deploy.FUNCTIONS if "INSTATAG_GOOGLE__REDIS_URL" in spec(name).secrets],
)
def test_functions_using_redis_reach_it_privately_with_its_ca(root: Config, function: str) -> None:
    block = function_block(root, function)

    assert expression(block["vpc_connector"]) == "module.network.connector_id"
    assert expression(block["secret_environment"]["INSTATAG_GOOGLE__REDIS_URL"]) == (
        "module.cache.url_secret"
    )
    assert expression(block["secret_files"]["redis_ca"]) == "module.cache.ca_file"


def test_redis_requires_auth_and_tls() -> None:
    cache = load(INFRA / "modules" / "cache")
    redis = cache.resource("google_redis_instance")["this"]

    assert redis["auth_enabled"] is True
    assert redis["transit_encryption_mode"] == "SERVER_AUTHENTICATION"
    assert expression(cache.locals["url"]).startswith('format("rediss://:%s@')
    assert "ssl_ca_certs=" in cache.locals["url"]


def test_firestore_has_the_indexes_the_code_queries(root: Config) -> None:
    indexes = {
        tuple(
            (field["field_path"], field.get("order") or field.get("array_config"))
            for field in index["fields"]
        )
        for index in root.resource("google_firestore_index").values()
        if index["collection"] == "posts"
    }

    assert indexes == {
        (("category", "ASCENDING"), ("likes", "DESCENDING")),
        (("hashtags", "CONTAINS"), ("likes", "DESCENDING")),
    }


def test_buckets_are_private_versioned_and_logged(root: Config) -> None:
    bucket = load(INFRA / "modules" / "bucket").resource("google_storage_bucket")["this"]
    logs = root.resource("google_storage_bucket")["access_logs"]

    for each in (bucket, logs):
        assert each["uniform_bucket_level_access"] is True
        assert each["public_access_prevention"] == "enforced"
        assert only(each["versioning"])["enabled"] is True
    assert expression(only(bucket["logging"])["log_bucket"]) == "var.log_bucket"
    for name in ("model_bucket", "source_bucket"):
        assert root.modules[name]["source"] == "./modules/bucket"


def test_each_function_runs_as_its_own_account(root: Config) -> None:
    module = load(INFRA / "modules" / "function")
    account = module.resource("google_service_account")["this"]
    function = module.resource("google_cloudfunctions2_function")["this"]
    names = [block["name"] for block in root.function_modules().values()]

    assert expression(account["account_id"]) == "var.name"
    assert expression(only(function["service_config"])["service_account_email"]) == (
        "google_service_account.this.email"
    )
    assert len(set(names)) == len(FUNCTIONS)


def test_no_account_gets_a_basic_or_admin_role() -> None:
    roles = {
        role
        for path in INFRA.rglob("*.tf")
        for role in re.findall(r'"(roles/[A-Za-z0-9_.]+)"', path.read_text())
    }

    assert "roles/run.invoker" in roles
    for role in roles:
        assert role not in {"roles/owner", "roles/editor", "roles/viewer"}
        assert not role.endswith((".admin", "Admin")), role


def _module_dirs() -> list[Any]:
    return [INFRA, *MODULE_DIRS, *EXAMPLE_DIRS]


@pytest.mark.parametrize("directory", _module_dirs(), ids=lambda path: path.name)
def test_module_has_the_four_file_split(directory: Any) -> None:
    files = {path.name for path in directory.glob("*.tf")}

    assert files == {"main.tf", "variables.tf", "outputs.tf", "versions.tf"}


@pytest.mark.parametrize("directory", _module_dirs(), ids=lambda path: path.name)
def test_versions_are_bounded_both_ways(directory: Any) -> None:
    terraform = only(load(directory).terraform)
    google = only(terraform["required_providers"])["google"]

    for constraint in (terraform["required_version"], google["version"]):
        assert re.search(r">=\s*\d", constraint), f"{constraint} has no lower bound"
        assert re.search(r"<\s*\d", constraint), f"{constraint} has no upper bound"
    assert google["source"] == "hashicorp/google"


@pytest.mark.parametrize("directory", _module_dirs(), ids=lambda path: path.name)
def test_variables_are_typed_and_described(directory: Any) -> None:
    for name, variable in load(directory).variables.items():
        assert variable.get("description"), f"{directory.name}: variable {name} has no description"
        assert "type" in variable, f"{directory.name}: variable {name} has no type"
        assert "any" not in re.findall(r"\w+", expression(variable["type"])), name


def test_variables_with_fixed_choices_are_validated(root: Config) -> None:
    function = load(INFRA / "modules" / "function").variables
    cache = load(INFRA / "modules" / "cache").variables

    for variable in (
        root.variables["region"],
        root.variables["function_sizing"],
        root.variables["redis"],
        root.variables["scrape_schedule"],
        function["ingress"],
        function["runtime"],
        cache["redis"],
    ):
        assert variable.get("validation"), variable


def test_every_checkov_skip_gives_its_reason() -> None:
    skips = [
        (path, line)
        for path in INFRA.rglob("*.tf")
        for line in path.read_text().splitlines()
        if "checkov:skip" in line
    ]

    assert skips
    for path, line in skips:
        assert re.search(r"checkov:skip=CKV2?_[A-Z]+_\d+:\s*\S.{20,}", line), f"{path}: {line}"
