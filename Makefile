# Set-up and everyday commands. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_DIR := build/demo
DEMO := $(DEMO_DIR)/leverkusen-demo.qda

.PHONY: run test lint format bench demo clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip

$(VENV)/.installed: pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -e '.[test]'
	touch $@

run: $(VENV)/.installed $(DEMO)
	$(PY) -m qda_app $(DEMO)

$(DEMO): | $(VENV)/.installed
	$(VENV)/bin/qda demo $(DEMO_DIR)

demo: $(VENV)/.installed
	$(VENV)/bin/qda demo --force $(DEMO_DIR)

test: $(VENV)/.installed
	$(VENV)/bin/ruff check qda_app tests benchmarks sample_projects
	$(VENV)/bin/ruff format --check qda_app tests benchmarks sample_projects
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check qda_app tests benchmarks sample_projects
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed
	$(VENV)/bin/ruff format qda_app tests benchmarks sample_projects
	$(VENV)/bin/ruff check --fix qda_app tests benchmarks sample_projects

bench: $(VENV)/.installed
	$(PY) -m benchmarks.run

clean:
	rm -rf build .pytest_cache
