# csti-cms: the two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo setup serve test browser-tools vendor lint format messages clean quality bench

demo: setup serve

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
	$(PY) manage.py migrate --no-input --verbosity 0
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_demo_admin

serve: $(STAMP)
	$(PY) manage.py runserver $(HOST):$(PORT)

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch node_modules/.installed

browser-tools: node_modules/.installed
	scripts/ensure-chromium
	scripts/ensure-java

# Copy the front-end libraries the site serves itself (Leaflet for the agenda map) from npm into
# the theme's static files; the copies are committed, so a site needs no Node.js to run.
LEAFLET_VENDOR := csti_cms/static/csti_cms/vendor/leaflet
vendor: node_modules/.installed
	rm -rf $(LEAFLET_VENDOR)
	mkdir -p $(LEAFLET_VENDOR)
	cp -R node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map \
		node_modules/leaflet/dist/leaflet.css \
		node_modules/leaflet/dist/images node_modules/leaflet/LICENSE $(LEAFLET_VENDOR)/

test: $(STAMP) browser-tools
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run --verbosity 1
	$(BIN)/pytest

# The quality gate (CI runs it after `make test`): the demo served as in production, every page
# of its sitemap in every language through axe-core, the Nu HTML checker, SEO and link checks.
# `$(PY) -m quality --help` tells how to check one language or a few pages.
quality: $(STAMP) browser-tools
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
	$(PY) -m quality

# Benchmarks (not in CI): every bench/*.py script, each printing its table; see bench/README.md.
bench: $(STAMP) browser-tools
	scripts/ensure-wrk
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
	for script in bench/*.py; do echo "\$$ $(PY) $$script"; $(PY) $$script || exit 1; done

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Extract UI strings into the French and Dutch catalogues (then translate and commit).
# Built-in plugins keep catalogues of their own, like any plugin.
messages: $(STAMP)
	cd csti_cms && ../$(PY) ../manage.py makemessages -l fr -l nl -l en --no-obsolete \
		--ignore "plugins/memberships/*" --ignore "plugins/declarations/*" --ignore "plugins/scaffold/*"

clean:
	rm -rf $(VENV) var node_modules
