"""cloudbuild.yaml: valid YAML that tests, publishes the models, bundles, plans and applies."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from tfconfig import INFRA, ROOT, load

# Substitutions Cloud Build provides itself.
BUILT_IN = {
    "PROJECT_ID",
    "PROJECT_NUMBER",
    "BUILD_ID",
    "LOCATION",
    "TRIGGER_NAME",
    "COMMIT_SHA",
    "SHORT_SHA",
    "REVISION_ID",
    "BRANCH_NAME",
    "TAG_NAME",
    "REPO_NAME",
    "REPO_FULL_NAME",
    "SERVICE_ACCOUNT_EMAIL",
    "SERVICE_ACCOUNT",
}


@pytest.fixture(scope="module")
def build() -> dict[str, Any]:
    loaded = yaml.safe_load((ROOT / "cloudbuild.yaml").read_text())
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def steps(build: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {step["id"]: step for step in build["steps"]}


def script(step: dict[str, Any]) -> str:
    return "\n".join(step.get("args", []))


def test_steps_run_in_order(build: dict[str, Any]) -> None:
    ids = [step["id"] for step in build["steps"]]
    wanted = ["test", "models", "bundle", "plan", "apply"]

    assert [step for step in ids if step in wanted] == wanted


def test_test_step_runs_the_whole_suite(steps: dict[str, dict[str, Any]]) -> None:
    assert re.search(r"^make test$", script(steps["test"]), flags=re.MULTILINE)
    assert "/workspace/.tools" in " ".join(steps["test"]["env"])


def test_models_are_published_to_the_model_bucket(steps: dict[str, dict[str, Any]]) -> None:
    env = dict(item.split("=", 1) for item in steps["models"]["env"])

    assert "instatag build" in script(steps["models"])
    assert env["INSTATAG_BACKEND"] == "google"
    assert env["INSTATAG_GOOGLE__MODEL_BUCKET"] == "${_MODEL_BUCKET}"


def test_model_bucket_is_the_one_terraform_creates(build: dict[str, Any]) -> None:
    substitutions = build["substitutions"]
    example = load(ROOT / substitutions["_TF_DIR"]).modules["instatag"]

    assert substitutions["_MODEL_BUCKET"] == "${PROJECT_ID}-instatag-models"
    assert example["buckets"]["models"] == "${var.project_id}-instatag-models"


def test_bundles_are_built_before_the_plan(steps: dict[str, dict[str, Any]]) -> None:
    assert "make bundle" in script(steps["bundle"])


def test_plan_runs_in_an_environment_of_the_module(
    build: dict[str, Any], steps: dict[str, dict[str, Any]]
) -> None:
    directory = ROOT / build["substitutions"]["_TF_DIR"]
    plan = script(steps["plan"])

    assert (directory / "main.tf").is_file()
    assert (directory / load(directory).modules["instatag"]["source"]).resolve() == INFRA
    assert "init -input=false -backend-config=bucket=${_TF_STATE_BUCKET}" in plan
    assert "plan -input=false -out=tfplan" in plan


def test_apply_only_on_main(steps: dict[str, dict[str, Any]]) -> None:
    lines = script(steps["apply"]).splitlines()
    applies = [number for number, line in enumerate(lines) if "apply" in line]
    guard = next(
        number for number, line in enumerate(lines) if '"${BRANCH_NAME}" = "main"' in line
    )
    otherwise = next(number for number, line in enumerate(lines) if line.strip() == "else")

    assert applies
    assert all(guard < number < otherwise for number in applies)
    assert "tfplan" in lines[applies[0]]


def test_every_substitution_is_defined_or_escaped(build: dict[str, Any]) -> None:
    text = (ROOT / "cloudbuild.yaml").read_text()
    defined = BUILT_IN | set(build["substitutions"])

    for match in re.finditer(r"\$(\$|\{(\w+)\}|(\w+)|.)", text):
        if match.group(1) == "$":
            continue
        name = match.group(2) or match.group(3)
        assert name in defined, f"{match.group(0)!r} is neither a substitution nor escaped as $$"
