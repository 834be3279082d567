# Everything goes through a local virtual environment created on first use.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

QUALITY := tests/quality/node_modules/.installed

.PHONY: site serve check test lint typecheck clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# npm tools of the quality checks (axe-core, vnu-jar), in a local folder
$(QUALITY): tests/quality/package.json tests/quality/package-lock.json
	tests/quality/install.sh
	touch $(QUALITY)

## Build the example site into site/
site: $(STAMP)
	$(BIN)/python -m generator build

## Serve the site with live reload on http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/mkdocs serve

## Validate content only
check: $(STAMP)
	$(BIN)/python -m generator check

## Run the whole test suite (lint and type checks included)
test: $(STAMP) $(QUALITY)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

clean:
	rm -rf site .venv .pytest_cache .mypy_cache .ruff_cache
