# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run

.PHONY: run test install train bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The demo needs only what sugia needs at run time: no test, training or benchmark tools.
$(RUN_STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $(RUN_STAMP)

install: $(STAMP)

# Build the demo knowledge base from the bundled pages and serve it (http://127.0.0.1:8000/),
# with a token for its ingest page (printed; set DEMO_TOKEN to choose it).
DEMO_DB ?= demo.db
ifeq ($(DEMO_TOKEN),)
DEMO_TOKEN := $(shell python3 -c "import secrets; print(secrets.token_urlsafe(12))")
endif
run: $(RUN_STAMP)
	$(BIN)/sugia ingest examples/pages --db $(DEMO_DB) --workers 1
	@echo "sugia: the ingest page's token is $(DEMO_TOKEN)"
	$(BIN)/sugia serve --db $(DEMO_DB) --host 127.0.0.1 --port 8000 --token $(DEMO_TOKEN)

test: $(STAMP)
	$(BIN)/pytest -q
	$(BIN)/python eval/gate.py

# Re-learn the line classifier from examples/ (writes src/sugia/data/line_model.tsv), count the
# two-syllable words of the real pages (data/common_words.txt) and train the entity tagger from
# examples/ and ../shared/real (writes src/sugia/data/entity_tagger.tsv).
train: $(STAMP)
	$(BIN)/python -m sugia.clean.train examples
	$(BIN)/python -m sugia.lang.lexicon ../shared/real/unlabeled ../shared/real/pages examples
	$(BIN)/python -m sugia.entities.train

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_clean.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
