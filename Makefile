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
# `make run` installs only what the app needs to run (no test tools, PostgreSQL driver or
# PyInstaller: less to download on a slow link); `make test` and the developer targets add those.
RUN_STAMP := $(VENV)/.installed-run

.PHONY: run test test-fast journey hq bench bundle screenshots i18n lint typecheck clean

$(RUN_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "fieldapp needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 2; }
	$(PYTHON) -c 'import os, sys; sys.exit(not os.path.isdir("$(BIN)"))' || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,postgres,bundle]'
	touch $(STAMP)

# ARGS go to the app, e.g. make run ARGS="--data-dir ~/fieldapp-training"
run: $(RUN_STAMP)
	$(BIN)/fieldapp $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

# Everything but the slow PyInstaller bundle test.
test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow" $(PYTEST_ARGS)

# The Poipet morning in a real window (Xvfb), its figures written to docs/JOURNEY.md.
journey: $(STAMP)
	JOURNEY_REPORT=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider tests/ui/test_journey.py

# A development HQ: its data key and recovery key go to HQ_KEYS (in production: separate,
# offline media), because serve needs the one and refuses to start beside the other.
HQ_KEYS ?= $(HOME)/.fieldapp-hq-keys
hq: $(RUN_STAMP)
	mkdir -p -m 700 $(HQ_KEYS)
	$(BIN)/fieldapp-hq init $(HQ_ARGS) --data-key-file $(HQ_KEYS)/hq-data.key 2>/dev/null && \
	  $(BIN)/fieldapp-hq recovery-key export $(HQ_ARGS) --out $(HQ_KEYS)/hq-recovery.pem --remove || true
	$(BIN)/fieldapp-hq serve $(HQ_ARGS) --data-key-file $(HQ_KEYS)/hq-data.key

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
