# Two commands set everything up on a fresh machine:
#   make run   - .venv, install, build the store from the bundled corpus, show osteon at work
#   make test  - .venv with dev extras, the whole test suite
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
CHROMIUM := /usr/bin/chromium
# The browser tests drive Debian's chromium (Playwright never downloads a browser here).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run run-steps smoke test bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	@$(MAKE) --no-print-directory run-steps
	$(BIN)/osteon serve  # http://127.0.0.1:8000 (API docs at /docs, CDS Hooks at /cds-services); Ctrl-C stops

# Every step of `make run` but serving: the one list, which CI's runtime-only smoke
# (.ci/smoke_run.sh) also runs, with OSTEON set to its own venv's osteon.
OSTEON ?= $(BIN)/osteon
run-steps:
	$(OSTEON) sources
	$(OSTEON) show 004_650ad9dfb01f5806
	$(OSTEON) read
	$(OSTEON) ask "How can heterotopic ossification be prevented?"
	$(OSTEON) facts NSAIDs
	$(OSTEON) conflicts

# `make run` on a venv with the runtime dependencies only (no dev extras), then the server.
smoke:
	bash .ci/smoke_run.sh

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core

test: $(DEV_STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest

bench: $(DEV_STAMP)
	$(BIN)/python bench/startup_bench.py
	$(BIN)/python bench/ingest_bench.py
	$(BIN)/python bench/fetch_bench.py
	$(BIN)/python bench/reading_bench.py
	$(BIN)/python bench/quantities_bench.py
	$(BIN)/python bench/knowledge_bench.py
	$(BIN)/python bench/ask_bench.py
	$(BIN)/python bench/assess_bench.py
	$(BIN)/python bench/cds_bench.py
	$(BIN)/python bench/mechanism_bench.py
	$(BIN)/python bench/web_bench.py
	$(BIN)/python bench/read_jobs_bench.py

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache artifacts
