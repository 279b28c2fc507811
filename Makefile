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

.PHONY: run test bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/osteon sources
	$(BIN)/osteon show 004_650ad9dfb01f5806
	$(BIN)/osteon read
	$(BIN)/osteon ask "How can heterotopic ossification be prevented?"
	$(BIN)/osteon facts NSAIDs
	$(BIN)/osteon conflicts
	$(BIN)/osteon serve  # http://127.0.0.1:8000 (API docs at /docs, CDS Hooks at /cds-services); Ctrl-C stops

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core

test: $(DEV_STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest

bench: $(DEV_STAMP)
	$(BIN)/python bench/startup_bench.py
	$(BIN)/python bench/ingest_bench.py
	$(BIN)/python bench/reading_bench.py
	$(BIN)/python bench/quantities_bench.py
	$(BIN)/python bench/knowledge_bench.py
	$(BIN)/python bench/ask_bench.py
	$(BIN)/python bench/assess_bench.py
	$(BIN)/python bench/cds_bench.py
	$(BIN)/python bench/mechanism_bench.py
	$(BIN)/python bench/web_bench.py

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache artifacts
