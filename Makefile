# The BPO/KPO assistant. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
# The installer of the pinned packages, pinned itself.
UV_VERSION := 0.13.8
UV        := $(VENV)/bin/uv
FACTS_DB  := build/facts.db
NLU_BUILD := build/nlu
DOCUMENTS := $(wildcard data/document/*.txt)
SPACY     := build/spacy-en
MODEL     := models/bpo-kpo.tar.gz
RASA      := $(VENV)/bin/rasa
TRAIN_DATA := $(wildcard data/nlu/*.yml data/stories/*.yml)
WEB       := bot/web
WEB_STAMP := $(WEB)/node_modules/.package-lock.json
CHROMIUM  := /usr/bin/chromium
# A standard Rasa widget from npm, for the browser test that other widgets show our answers.
RASA_WEBCHAT_VERSION := 1.0.1
RASA_WEBCHAT_SHA256  := cd2a8ee5211df95c626fc78bcf9d7d3a50368eacd43c7154476d29e519d42685
RASA_WEBCHAT := build/rasa-webchat/index.js
WORDNET_DATA := /usr/share/wordnet/data.noun
CREDENTIALS := build/credentials.yml
ACTION_TOKEN_FILE := build/action-token

# Where things listen; override for deployment, e.g. `make run HOST=0.0.0.0`.
HOST        ?= 127.0.0.1
PORT        ?= 5005
ACTION_HOST ?= 127.0.0.1
ACTION_PORT ?= 5055
CHAT_PORT   ?= 5006
export RASA_TELEMETRY_ENABLED := false
# Rasa's training cache, shared by every clone on this machine: what did not change is not trained again
# (a fresh machine trains in full; `rasa train --force`, as `make bench` runs it, always does). Rasa knows the
# spaCy pipeline by its path only, so the cache is one per pipeline builder and pinned packages.
RASA_CACHE_KEY := $(shell cat bot/launch/spacy_pipeline.py requirements.txt 2>/dev/null | sha256sum | cut -c1-12)
export RASA_CACHE_DIRECTORY ?= $(HOME)/.cache/bpo-kpo-assistant/rasa-$(RASA_CACHE_KEY)
export TF_CPP_MIN_LOG_LEVEL ?= 2
export ACTION_ENDPOINT_URL ?= http://127.0.0.1:$(ACTION_PORT)/webhook
export TRACKER_DIALECT ?= sqlite
export TRACKER_DB ?= build/conversations.db
# Intranet origins allowed to embed the widget and call the server from a browser
# (comma-separated, e.g. https://intranet.example.com); the server's own origin always is.
export ALLOWED_ORIGINS ?=

comma := ,

# A Python 3.10: a working python3.10 on PATH, else pyenv's 3.10 (a pyenv shim that
# refuses to run fails the version check and is skipped).
find_python = for c in "$$(command -v python3.10)" $$(ls -d "$$(pyenv root 2>/dev/null)"/versions/3.10.*/bin/python 2>/dev/null); do \
	  [ -n "$$c" ] && "$$c" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null && { echo "$$c"; break; }; \
	done

.PHONY: help setup wordnet facts train webchat rasa-webchat services cluster browser run chat report lint test bench soak lock

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 22

setup: $(STAMP) ## create .venv on Python 3.10, install the pinned dependencies and this project (editable)

$(STAMP): requirements.txt pyproject.toml
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
	@# uv installs the pinned set in a minute where pip took minutes (parallel downloads, a cache of its own); it
	@# compiles the bytecode as pip does, or each process (with PYTHONDONTWRITEBYTECODE set) would compile Rasa
	@# and TensorFlow again on import
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) pip install --quiet --compile-bytecode --python $(PY) -r requirements.txt
	@# bot/ and actions/ as an editable package, so no command relies on the working directory
	$(UV) pip install --quiet --compile-bytecode --python $(PY) --no-deps --no-build-isolation -e .
	@touch $@

facts: $(FACTS_DB) $(SPACY)/meta.json ## build the fact store, the NLU lookups and the spaCy pipeline

$(FACTS_DB): $(DOCUMENTS) $(wildcard bot/facts/*.py) bot/paths.py data/nlu/synonyms.yml $(STAMP) | $(WORDNET_DATA)
	$(PY) -m bot.facts build --out $@ --nlu $(NLU_BUILD)

# Rewritten only when a name changes, so a wording edit does not force retraining.
$(NLU_BUILD)/vocabulary.yml: $(FACTS_DB) ;

$(SPACY)/meta.json: bot/launch/spacy_pipeline.py $(STAMP)
	$(PY) -m bot.launch.spacy_pipeline $(SPACY)

train: $(MODEL) ## train the Rasa model (when data, domain, config or the store's names changed)

$(MODEL): config.yml domain.yml $(TRAIN_DATA) $(NLU_BUILD)/vocabulary.yml $(SPACY)/meta.json
	@$(PY) -m bot.classify check
	@echo "training $(MODEL) (the store's names, training data, domain or config changed)"
	@start=$$(date +%s); \
	$(RASA) train --config config.yml --domain domain.yml --data data/nlu data/stories $(NLU_BUILD) \
	  --out models --fixed-model-name bpo-kpo --quiet && \
	echo "trained in $$(( $$(date +%s) - start ))s"

webchat: $(WEB_STAMP) ## install the widget's socket.io client from npm (bot/web/package-lock.json)

$(WEB_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

rasa-webchat: $(RASA_WEBCHAT) ## fetch rasa-webchat (a standard Rasa widget) from npm for the browser tests, checked by its sha256

$(RASA_WEBCHAT):
	@mkdir -p $(dir $@)
	cd $(dir $@) && npm pack --silent rasa-webchat@$(RASA_WEBCHAT_VERSION) >/dev/null && \
	  echo "$(RASA_WEBCHAT_SHA256)  rasa-webchat-$(RASA_WEBCHAT_VERSION).tgz" | sha256sum --check --quiet && \
	  tar -xzf rasa-webchat-$(RASA_WEBCHAT_VERSION).tgz --strip-components=2 package/lib/index.js && \
	  rm rasa-webchat-$(RASA_WEBCHAT_VERSION).tgz

wordnet: $(WORDNET_DATA) ## install Debian's WordNet data (wordnet-base), which `make facts` reads (needs root or sudo)

$(WORDNET_DATA):
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordnet-base >/dev/null; \
	elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordnet-base >/dev/null; \
	else echo "error: the fact store needs Debian's WordNet data at $(dir $@): apt-get install wordnet-base" >&2; exit 1; fi

services: $(STAMP) ## install Debian's postgresql, redis-server and haproxy for `make cluster` and its tests (needs root or sudo)
	@missing=$$($(PY) -c 'from bot.launch.cluster import missing_programs; print(" ".join(missing_programs()))'); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "error: the cluster needs Debian's $$missing: apt-get install $$missing" >&2; exit 1; fi; \
	fi

cluster: facts $(MODEL) webchat services ## PostgreSQL, Redis, 2 Rasa and 2 action servers behind HAProxy, on loopback (see README)
	@$(PY) -m bot.launch.cluster --port $(PORT)

browser: ## install Debian's chromium for the browser tests (needs root or sudo)
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "error: the browser tests need Debian's chromium at $(CHROMIUM): apt-get install chromium" >&2; exit 1; fi; \
	fi

run: facts $(MODEL) webchat ## serve the assistant (REST, widget and Slack on 127.0.0.1:5005, actions on 5055; see README)
	@$(PY) -m bot.channels.credentials --out $(CREDENTIALS)
	@# The servers' shared secret: $$ACTION_TOKEN if set, else one kept in $(ACTION_TOKEN_FILE) (made once, owner-only).
	@[ -n "$$ACTION_TOKEN" ] || [ -s $(ACTION_TOKEN_FILE) ] || \
	  (umask 077; $(PY) -c 'import secrets; print(secrets.token_urlsafe(32))' > $(ACTION_TOKEN_FILE))
	@# Both servers run in the background of one shell that waits for them, so SIGTERM (a service
	@# manager, a container runtime) and Ctrl-C stop both; if one exits, the other is stopped too.
	@export ACTION_TOKEN="$${ACTION_TOKEN:-$$(cat $(ACTION_TOKEN_FILE))}"; rasa=; actions=; \
	stop() { kill $$rasa $$actions 2>/dev/null; wait $$rasa $$actions 2>/dev/null; }; \
	trap 'stop; exit 143' TERM; trap 'stop; exit 130' INT; \
	$(PY) -m actions --host $(ACTION_HOST) --port $(ACTION_PORT) & actions=$$!; \
	$(PY) -m bot.launch.rasa_server run --model $(MODEL) --endpoints endpoints.yml --credentials $(CREDENTIALS) \
	  --interface $(HOST) --port $(PORT) $(if $(strip $(ALLOWED_ORIGINS)),--cors $(patsubst %/,%,$(subst $(comma), ,$(ALLOWED_ORIGINS)))) & rasa=$$!; \
	echo "widget demo:  http://$(HOST):$(PORT)/webchat/"; \
	echo "REST:         POST http://$(HOST):$(PORT)/webhooks/rest/webhook  {\"sender\": \"me\", \"message\": \"what is KPO?\"}"; \
	wait -n $$actions $$rasa; rc=$$?; stop; exit $$rc

chat: facts $(MODEL) ## chat with the assistant in the terminal (starts and stops the servers)
	@$(PY) -m bot.launch.chat --model $(MODEL) --port $(CHAT_PORT) --action-port $(ACTION_PORT)

report: $(STAMP) ## write build/report.html on what people ask, from the conversation store (ARGS="--since 2026-11-01 --redact")
	@$(PY) -m bot.report $(ARGS)

lint: $(STAMP) ## ruff on the Python code (settings in pyproject.toml)
	$(VENV)/bin/ruff check bot actions tests

test: lint facts $(MODEL) webchat rasa-webchat browser services ## run the linter and every test
	@$(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: nothing was checked" >&2; rc=0; fi; exit $$rc

bench: facts $(MODEL) ## print latency, throughput, memory, start-up and training figures
	@$(PY) -m tests.benchmark

soak: facts $(MODEL) services ## print reliability figures, one machine and the cluster side by side: load, bursts, messages lost, faults
	@$(PY) -m tests.soak

lock: $(STAMP) ## re-pin requirements.txt from requirements.in
	$(UV) pip install --quiet --python $(PY) -r requirements.in
	{ echo "# Pinned by \`make lock\` from requirements.in on Python 3.10; installed by \`make setup\`."; \
	  $(PY) -m pip freeze --all --exclude-editable | grep -v '^\(pip\|uv\)=='; } > requirements.txt
	@touch $(STAMP)
