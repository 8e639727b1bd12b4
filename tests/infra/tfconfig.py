"""Terraform configuration read with python-hcl2, and the facts the tests take from the code."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hcl2

ROOT = Path(__file__).resolve().parents[2]
INFRA = ROOT / "infra"
FUNCTIONS_DIR = ROOT / "functions"
FUNCTION_MODULE = "./modules/function"

_OPTIONS = hcl2.SerializationOptions(
    strip_string_quotes=True, explicit_blocks=False, with_comments=False
)


@dataclass
class Config:
    """The blocks of one Terraform module (one folder of .tf files)."""

    modules: dict[str, dict[str, Any]] = field(default_factory=dict)
    resources: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    locals: dict[str, Any] = field(default_factory=dict)
    variables: dict[str, dict[str, Any]] = field(default_factory=dict)
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    terraform: list[dict[str, Any]] = field(default_factory=list)

    def resource(self, kind: str) -> dict[str, dict[str, Any]]:
        return self.resources.get(kind, {})

    def function_modules(self) -> dict[str, dict[str, Any]]:
        """Module blocks deploying a function, keyed by entry point."""
        return {
            block["entry_point"]: {**block, "_block": name}
            for name, block in self.modules.items()
            if block.get("source") == FUNCTION_MODULE
        }


def load(directory: Path) -> Config:
    config = Config()
    for path in sorted(directory.glob("*.tf")):
        with path.open(encoding="utf-8") as handle:
            data = hcl2.load(handle, serialization_options=_OPTIONS)
        for block in data.get("module", []):
            config.modules.update(block)
        for block in data.get("resource", []):
            for kind, named in block.items():
                config.resources.setdefault(kind, {}).update(named)
        for block in data.get("locals", []):
            config.locals.update(block)
        for block in data.get("variable", []):
            config.variables.update(block)
        for block in data.get("output", []):
            config.outputs.update(block)
        config.terraform.extend(data.get("terraform", []))
    return config


def expression(value: Any) -> str:
    """The expression inside `${...}`, or the literal string."""
    text = str(value)
    if text.startswith("${") and text.endswith("}") and "${" not in text[2:]:
        return text[2:-1]
    return text


def only(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    """The single nested block hcl2 returns as a one-item list."""
    assert len(blocks) == 1, blocks
    return blocks[0]


@dataclass(frozen=True)
class Handler:
    """What a function's main.py defines: its entry point and its functions-framework signature."""

    entry_point: str
    signature: str


def handler_of(function: str) -> Handler:
    """The function in functions/<function>/main.py decorated by functions-framework."""
    main = FUNCTIONS_DIR / function / "main.py"
    tree = ast.parse(main.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                if (
                    isinstance(decorator, ast.Attribute)
                    and isinstance(decorator.value, ast.Name)
                    and decorator.value.id == "functions_framework"
                ):
                    found.append(Handler(node.name, decorator.attr))
    assert len(found) == 1, f"{main} must define exactly one functions-framework handler"
    return found[0]
