# The BPO/KPO assistant. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
FACTS_DB  := build/facts.db
NLU_BUILD := build/nlu
DOCUMENTS := $(wildcard data/document/*.txt)
export RASA_TELEMETRY_ENABLED := false

# A Python 3.10: a working python3.10 on PATH, else pyenv's 3.10 (a pyenv shim that
# refuses to run fails the version check and is skipped).
find_python = for c in "$$(command -v python3.10)" $$(ls -d "$$(pyenv root 2>/dev/null)"/versions/3.10.*/bin/python 2>/dev/null); do \
	  [ -n "$$c" ] && "$$c" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null && { echo "$$c"; break; }; \
	done

.PHONY: help setup facts train run chat test bench lock

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z]+):.*## /  make \1\t/' | expand -t 16

setup: $(STAMP) ## create .venv on Python 3.10 and install the pinned dependencies

$(STAMP): requirements.txt
	@if [ ! -x $(PY) ]; then \
	  py=$$($(find_python)); \
	  if [ -z "$$py" ]; then \
	    echo "error: Rasa 3.6 needs Python 3.8-3.10 and no Python 3.10 was found." >&2; \
	    echo "Install one (e.g. 'pyenv install 3.10' or your system's python3.10 package), then run make again." >&2; \
	    exit 1; \
	  fi; \
	  echo "creating $(VENV) with $$py"; \
	  "$$py" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

facts: $(FACTS_DB) ## build the fact store and the NLU lookups from data/document/

$(FACTS_DB): $(DOCUMENTS) $(wildcard bot/facts/*.py) $(STAMP)
	$(PY) -m bot.facts build --out $@ --nlu $(NLU_BUILD)

train: facts ## train the Rasa model (when stale)
	@echo "make train: the NLU and dialogue model is not built yet (issue 3)"

run: facts ## serve the assistant
	@echo "make run: the assistant is not built yet (issue 3)"

chat: facts ## chat with the assistant in the terminal
	@echo "make chat: the assistant is not built yet (issue 3)"

test: facts ## run every test
	@$(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: nothing was checked" >&2; rc=0; fi; exit $$rc

bench: facts ## print latency, throughput and memory figures
	@echo "make bench: the benchmark needs the servers (issue 3)"

lock: $(STAMP) ## re-pin requirements.txt from requirements.in
	$(PY) -m pip install --quiet -r requirements.in
	{ echo "# Pinned by \`make lock\` from requirements.in on Python 3.10; installed by \`make setup\`."; \
	  $(PY) -m pip freeze --all | grep -v '^pip=='; } > requirements.txt
	@touch $(STAMP)
