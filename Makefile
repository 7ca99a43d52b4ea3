# fieldapp — the two commands: `make run` starts the app, `make test` runs every test.
# Both create .venv and install the project on first use.

VENV   := .venv
ifeq ($(OS),Windows_NT)
PYTHON ?= python
BIN    := $(VENV)/Scripts
else
PYTHON ?= python3
BIN    := $(VENV)/bin
endif
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast hq bench bundle screenshots i18n lint typecheck clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "fieldapp needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 2; }
	$(PYTHON) -c 'import os, sys; sys.exit(not os.path.isdir("$(BIN)"))' || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,postgres,bundle]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/fieldapp $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

# Everything but the slow PyInstaller bundle test.
test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow" $(PYTEST_ARGS)

hq: $(STAMP)
	$(BIN)/fieldapp-hq init $(HQ_ARGS) 2>/dev/null || true
	$(BIN)/fieldapp-hq serve $(HQ_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks $(BENCH_ARGS)

bundle: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m fieldapp.ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen FIELDAPP_SHOTS_DIR=docs/screenshots $(BIN)/python -m pytest -q \
	  -p no:cacheprovider tests/ui/forms/test_screenshots.py tests/ui/forms/test_handover_form.py \
	  tests/ui/test_mass_intake.py

i18n: $(STAMP)
	$(BIN)/python -m fieldapp.ui.i18n_build

lint: $(STAMP)
	$(BIN)/ruff check fieldapp tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy fieldapp

clean:
	rm -rf build dist .pytest_cache
