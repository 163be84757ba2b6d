# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install train bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Until the knowledge base and web issues land: extract the demo pages and print them.
run: $(STAMP)
	$(BIN)/sugia extract examples/pages --format text

test: $(STAMP)
	$(BIN)/pytest -q
	$(BIN)/python eval/gate.py

# Re-learn the line classifier from examples/ (writes src/sugia/data/line_model.tsv).
train: $(STAMP)
	$(BIN)/python -m sugia.clean.train examples

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_clean.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
