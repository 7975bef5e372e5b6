# Two commands for a new machine: `make run` and `make test`. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)

.PHONY: setup browser run test faults quality lint format ui bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --upgrade >/dev/null
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]'
	@# Compiled once here: every Dagster subprocess (runs, the web server) then starts from bytecode,
	@# also where PYTHONDONTWRITEBYTECODE keeps Python from caching it.
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib >/dev/null
	touch $(STAMP)

# Headless Chromium for the UI screenshot test (Debian packages), installed when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 \
	    || echo "could not install chromium: the screenshot test will be skipped" >&2; }

run: setup
	$(BIN)/wirefacts run

# pytest exits 5 when it collects nothing: that is a failure, not a pass.
test: setup browser
	@$(BIN)/pytest -q; status=$$?; if [ $$status -eq 5 ]; then echo 'no tests collected' >&2; exit 1; fi; exit $$status

# Crash safety and concurrency: kill -9 during every table write, concurrent writers and readers.
faults: setup
	$(BIN)/pytest -q -m faults tests/test_faults.py

# Quality gate: story grouping and extraction on the check halves of the dev gold
# (benchmarks/gold/), failing below the recorded floors, and the labelled Reuters pairs over
# the whole corpus. Needs ../shared/corpora.
quality: setup
	$(BIN)/pytest -q -m corpus
	$(BIN)/python benchmarks/stories_quality.py --min-f1 reuters_wire=0.82 --min-f1 outlet_rewrites=0.6
	$(BIN)/python benchmarks/extraction_quality.py --min-mean-f1 0.80

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

ui: setup
	$(BIN)/dagster dev -h 127.0.0.1 -p 3000

bench: setup
	$(BIN)/python benchmarks/stories_quality.py
	$(BIN)/python benchmarks/extraction_quality.py
	$(BIN)/python benchmarks/boilerplate_bench.py
	$(BIN)/python benchmarks/documents_bench.py
	$(BIN)/python benchmarks/stories_bench.py --scale 100000
	$(BIN)/python benchmarks/extraction_bench.py

clean:
	rm -rf $(VENV) .dagster warehouse/*.duckdb
