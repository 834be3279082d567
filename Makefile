# Everything goes through a local virtual environment created on first use.
# `make site` installs only what building needs; `make test` adds the development tools.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   ?= .venv
BIN    := $(VENV)/bin
BUILD_STAMP := $(VENV)/.installed-build
DEV_STAMP   := $(VENV)/.installed-dev

.PHONY: site serve edit edit-tools check schemas test quick quality-tools lint typecheck clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed ($(PYTHON) is older); try: make PYTHON=python3.11 ..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# what `build`, `check` and `serve` need (pyproject.toml: dependencies)
$(BUILD_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $(BUILD_STAMP)

# plus linters, type checker, test and benchmark tools (pyproject.toml: the dev extra)
$(DEV_STAMP): $(BUILD_STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(DEV_STAMP)

## Build the example site into site/
site: $(BUILD_STAMP)
	$(BIN)/python -m generator build

## Serve the site with live reload on http://127.0.0.1:8000
serve: $(BUILD_STAMP)
	$(BIN)/mkdocs serve

# Decap CMS and decap-server (npm), in tools/decap/node_modules; the browser files copied to
# content/admin/vendor/ (git-ignored); optional: without npm the script says so
edit-tools:
	tools/decap/install.sh

## Edit in the browser: forms at http://127.0.0.1:8000/…/admin/ writing into this working copy
edit: $(BUILD_STAMP) edit-tools
	$(BIN)/python -m generator edit

## Validate content only
check: $(BUILD_STAMP)
	$(BIN)/python -m generator check

## Write the JSON Schemas of the content format again (schemas/; after a change to the models)
schemas: $(BUILD_STAMP)
	$(BIN)/python -m generator schemas

# npm tools of the quality checks (axe-core, vnu-jar), in a local folder; optional: without
# npm the script says so and the tests that need them skip (except with PK_QUALITY_REQUIRED=1)
quality-tools:
	tests/quality/install.sh

## Run the whole test suite (lint, format and type checks included)
test: $(DEV_STAMP) quality-tools edit-tools
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

## Lint, format, types and the tests that build no site (under a minute)
quick: $(DEV_STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -m "not slow"

# removes only what the build and the test run wrote (a site/ without the build's marker stays)
clean:
	if [ -f site/.programme-site ]; then rm -rf site; fi
	rm -rf .venv .pytest_cache .mypy_cache .ruff_cache
