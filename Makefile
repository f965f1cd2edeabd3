# Muster's front door. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MUSTER_TOOLS_BIN ?= $(HOME)/.cache/muster/tools/bin
KUSTOMIZE_VERSION := v5.8.2
EVAL_OUT ?= eval-report.json
BENCH_OUT ?= bench-report.json
export EVAL_OUT BENCH_OUT MUSTER_TOOLS_BIN KUSTOMIZE_VERSION

.DEFAULT_GOAL := help
.PHONY: help install tools lint format test test-unit test-deploy test-integration demo eval bench broker-start broker-stop clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) ## create .venv/ with the muster command and the dev tools

tools: ## install the tools the tests use, when missing (Java 17 and Maven are expected)
	@command -v java >/dev/null || { echo "Java 17 is required (apt-get install openjdk-17-jre-headless)"; exit 1; }
	@command -v mvn >/dev/null || { echo "Maven is required (apt-get install maven)"; exit 1; }
	@command -v go >/dev/null || { echo "Go is required to build kustomize"; exit 1; }
	@deploy/install-tools.sh

lint: install ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: install tools lint ## every test: unit, agent and integration (starts its own Kafka broker)
	$(BIN)/pytest

test-unit: install ## the fast tiers only (no broker, no deploy tools)
	$(BIN)/pytest -m "not integration and not deploy"

test-deploy: install tools ## the checks of deploy/ (promtool, amtool, docker-compose, kustomize)
	$(BIN)/pytest -m deploy

test-integration: install tools ## integration tests only (real broker, real workers)
	$(BIN)/pytest -m integration

demo: install tools ## local broker, worker, seed articles in, enriched events out (stdout)
	$(BIN)/muster demo --seeds seeds

eval: install ## tagger precision/recall on the labelled development set; JSON to $$EVAL_OUT
	$(BIN)/muster eval --data tests/data/tagger --out $(EVAL_OUT)

bench: install tools ## throughput and latency benchmarks; JSON to $$BENCH_OUT
	$(BIN)/muster bench --out $(BENCH_OUT)

broker-start: install ## start the local development broker on 127.0.0.1:9092
	$(BIN)/muster broker start

broker-stop: install ## stop the local development broker
	$(BIN)/muster broker stop

clean: ## remove the venv and local state (not the Kafka jar cache)
	rm -rf $(VENV) .muster .pytest_cache .ruff_cache *.egg-info
