# Shinsa — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXTRAS := local,server,postgres,ray,web,gov,dev
# llama.cpp compiles from source; a portable AVX2 build, because a -march=native build on a
# virtual CPU that advertises AMX/AVX-512 it cannot run dies with "Illegal instruction".
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF

.PHONY: install demo test validate lint typecheck unit browser bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml Makefile | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $(STAMP)

install: $(STAMP)

## The main job: the bundled quick assessment against the embedded local model, with its report.
demo: $(STAMP)
	$(BIN)/shinsa run --suite quick --target local --run-id demo-$$(date +%Y%m%d-%H%M%S) --report reports/demo

## Debian's Chromium and Japanese fonts for the browser tests (Playwright drives Chromium; it
## downloads nothing).
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		echo "installing Debian chromium and fonts-noto-cjk for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools

typecheck: $(STAMP)
	$(BIN)/mypy

## Tests marked `validate` read data outside the repository (../shared); `make test` leaves them
## out so that a fresh clone passes, `make validate` runs them and lists what it could not find.
TEST_MARKERS ?= not validate

test: $(STAMP) browser lint typecheck
	SHINSA_NO_SKIPS=1 $(BIN)/python -m pytest -q -m "$(TEST_MARKERS)"

validate: $(STAMP)
	$(BIN)/python -m pytest -q -rs -m validate

## The tests that need no real resource: no llama.cpp server or embedded model, PostgreSQL,
## Chromium or Ray (markers in pyproject.toml; tests/conftest.py adds them from the fixtures used).
UNIT_MARKERS := not llama_server and not embedded_model and not postgres and not chromium and not ray and not validate
unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "$(UNIT_MARKERS)"

bench: $(STAMP)
	$(BIN)/python bench/bench_throughput.py
	$(BIN)/python bench/bench_aisev_throughput.py --items 20000 --concurrency 32
	$(BIN)/python bench/bench_startup.py --repeat 10

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
