# The interface for people: every target says what it does as it runs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
BACKEND := backend
VENV := $(BACKEND)/.venv
PY := $(abspath $(VENV))/bin/python
DEV_STAMP := $(VENV)/.installed-dev
FRONTEND := frontend
FRONTEND_STAMP := $(FRONTEND)/node_modules/.installed
NPM_BIN := $(abspath $(FRONTEND))/node_modules/.bin
# make dev only: a shared secret so that publishing refreshes the frontend at once.
DEV_REVALIDATE_SECRET ?= dev-only-revalidate-secret

export NEXT_TELEMETRY_DISABLED := 1

.PHONY: help install sandbox-tools compose-check bench bench-tools loadtest openapi openapi-check dev migrate demo backend test test-backend fuzz check-migrations lint format lock clean \
	frontend-install client client-check frontend-test e2e

help: ## List the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(DEV_STAMP): $(BACKEND)/requirements/dev.txt
	@echo "==> Creating the backend virtual environment in $(VENV) and installing locked dependencies"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet --require-hashes -r $(BACKEND)/requirements/dev.txt
	@touch $@

install: $(DEV_STAMP) sandbox-tools ## Install the backend's locked dependencies into backend/.venv

sandbox-tools: ## Install bubblewrap (the grading sandbox) when it is missing and we may
	@if ! command -v bwrap >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "==> Installing bubblewrap for the grading sandbox"; \
	    (apt-get install -y -qq bubblewrap >/dev/null 2>&1 || \
	     (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq bubblewrap >/dev/null 2>&1)) || \
	     echo "    could not install bubblewrap: nothing is graded until it is (or GRADING_ALLOW_UNISOLATED=true on a trusted machine)"; \
	  else \
	    echo "==> bubblewrap is missing: install it (e.g. sudo apt-get install bubblewrap); nothing is graded without it"; \
	  fi; \
	fi

migrate: install ## Apply database migrations
	@echo "==> Migrating the database ($${DATABASE_URL:-embedded SQLite})"
	@cd $(BACKEND) && $(PY) manage.py migrate --noinput

demo: migrate ## Load the demo site and create the admin user (idempotent)
	@echo "==> Loading the demo content"
	@cd $(BACKEND) && $(PY) manage.py load_demo

backend: ## Run the backend development server on :8000
	@echo "==> Backend:  http://localhost:8000/admin/  (API: http://localhost:8000/api/v2/pages/)"
	@cd $(BACKEND) && exec $(PY) manage.py runserver 0.0.0.0:8000

dev: demo frontend-install ## Install, migrate, load the demo, run the backend (:8000) and the frontend (:3000)
	@cd $(BACKEND) && $(PY) manage.py grading_status
	@echo "==> Backend:  http://localhost:8000/admin/  (API: http://localhost:8000/api/v2/pages/)"
	@echo "==> Frontend: http://localhost:3000/  (Ctrl-C stops both)"
	@pids=""; trap 'kill $$pids 2>/dev/null; wait' INT TERM EXIT; \
	  (cd $(BACKEND) && REVALIDATE_SECRET=$${REVALIDATE_SECRET:-$(DEV_REVALIDATE_SECRET)} \
	    exec $(PY) manage.py runserver 0.0.0.0:8000) & pids="$$pids $$!"; \
	  (cd $(BACKEND) && REVALIDATE_SECRET=$${REVALIDATE_SECRET:-$(DEV_REVALIDATE_SECRET)} \
	    exec $(PY) manage.py scheduler --interval 60) & pids="$$pids $$!"; \
	  (cd $(FRONTEND) && BACKEND_URL=$${BACKEND_URL:-http://localhost:8000} \
	    REVALIDATE_SECRET=$${REVALIDATE_SECRET:-$(DEV_REVALIDATE_SECRET)} exec $(NPM_BIN)/next dev --port 3000) & pids="$$pids $$!"; \
	  wait -n $$pids

check-migrations: install ## Fail when models changed without a migration
	@echo "==> Checking for missing migrations"
	@cd $(BACKEND) && DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	@cd $(BACKEND) && DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check

FUZZ_EXAMPLES ?= 100

fuzz: install ## Fuzz every API operation with FUZZ_EXAMPLES examples and a fresh seed (FUZZ_SEED=n replays one)
	@seed=$${FUZZ_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; \
	  echo "==> Fuzzing the API with seed $$seed, $(FUZZ_EXAMPLES) examples per operation and caller"; \
	  echo "    (replay with: make fuzz FUZZ_SEED=$$seed FUZZ_EXAMPLES=$(FUZZ_EXAMPLES))"; \
	  cd $(BACKEND) && OPENAPI_FUZZ_SEEDS=$$seed OPENAPI_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) \
	    $(PY) -m pytest -q tests/test_openapi_fuzz.py

test-backend: install ## Run the backend test suite (pytest)
	@db=$${DATABASE_URL:+PostgreSQL}; cache=$${REDIS_URL:+Redis}; \
	  echo "==> Backend tests on $${db:-SQLite} with $${cache:-the local-memory cache}"
	@cd $(BACKEND) && $(PY) -m pytest; status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no tests: treating that as a failure"; exit 1; fi; \
	  exit $$status

SPECTACULAR = DJANGO_SETTINGS_MODULE=config.settings.test $(PY) $(BACKEND)/manage.py spectacular --validate --fail-on-warn

openapi: install ## Regenerate openapi/schema.yaml and openapi/schema.json from the code
	@echo "==> Generating openapi/schema.yaml and openapi/schema.json (drf-spectacular)"
	@$(SPECTACULAR) --format openapi --file openapi/schema.yaml
	@$(SPECTACULAR) --format openapi-json --file openapi/schema.json

openapi-check: install ## Fail when openapi/ differs from what the code generates
	@echo "==> Checking that openapi/ matches the code"
	@tmp=$$(mktemp -d); \
	  $(SPECTACULAR) --format openapi --file $$tmp/schema.yaml && \
	  $(SPECTACULAR) --format openapi-json --file $$tmp/schema.json && \
	  diff -u openapi/schema.yaml $$tmp/schema.yaml && diff -q openapi/schema.json $$tmp/schema.json; \
	  status=$$?; rm -rf $$tmp; \
	  if [ $$status -ne 0 ]; then echo "openapi/ is out of date: run 'make openapi' and commit it"; fi; \
	  exit $$status

$(FRONTEND_STAMP): $(FRONTEND)/package-lock.json $(FRONTEND)/package.json
	@echo "==> Installing the frontend's locked dependencies (npm ci; no browser download)"
	@# Exactly the committed lock, or a loud failure: a fallback would hide drift. Lighthouse's
	@# trace engine asks for two packages at "latest"; package.json's overrides pin them.
	@cd $(FRONTEND) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend-install: $(FRONTEND_STAMP) ## Install the frontend's locked dependencies (npm ci)

client: frontend-install ## Regenerate the typed TypeScript client from openapi/schema.yaml
	@echo "==> Generating frontend/src/api/schema.d.ts from openapi/schema.yaml"
	@cd $(FRONTEND) && npm run --silent client

client-check: frontend-install ## Fail when the typed client differs from openapi/schema.yaml
	@echo "==> Checking that frontend/src/api/schema.d.ts matches openapi/schema.yaml"
	@tmp=$$(mktemp -d); \
	  (cd $(FRONTEND) && $(NPM_BIN)/openapi-typescript ../openapi/schema.yaml --output $$tmp/schema.d.ts --silent && \
	   node scripts/header.mjs $$tmp/schema.d.ts) && \
	  diff -u $(FRONTEND)/src/api/schema.d.ts $$tmp/schema.d.ts; status=$$?; rm -rf $$tmp; \
	  if [ $$status -ne 0 ]; then echo "the typed client is out of date: run 'make client' and commit it"; fi; \
	  exit $$status

frontend-test: frontend-install ## Frontend type check, lint and unit tests (Vitest)
	@echo "==> Frontend: tsc --noEmit, eslint, vitest"
	@cd $(FRONTEND) && $(NPM_BIN)/tsc --noEmit && $(NPM_BIN)/eslint . --max-warnings 0 && $(NPM_BIN)/vitest run

e2e: install frontend-install ## End-to-end tests: backend + built frontend + Playwright on /usr/bin/chromium
	@db=$${DATABASE_URL:+a fresh database on the DATABASE_URL server}; echo "==> End-to-end tests on $${db:-SQLite}"
	@bash $(FRONTEND)/e2e/run.sh

compose-check: ## Validate docker-compose.yml with Compose's own config command (no engine needed)
	@if ! command -v docker-compose >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "==> Installing docker-compose (to validate docker-compose.yml)"; \
	    apt-get install -y -qq docker-compose >/dev/null 2>&1 || \
	      (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq docker-compose >/dev/null 2>&1); \
	  else echo "==> docker-compose is missing: install it (e.g. sudo apt-get install docker-compose)"; exit 1; fi; \
	fi
	@echo "==> docker-compose config: validating docker-compose.yml"
	@POSTGRES_PASSWORD=check SECRET_KEY=check docker-compose -f docker-compose.yml --profile frontend config -q

test: check-migrations openapi-check client-check compose-check test-backend frontend-test e2e ## Install what the tests need and run every suite

lint: install ## Ruff lint and format check, and the import contracts (lint-imports)
	@echo "==> ruff check and ruff format --check"
	@cd $(BACKEND) && $(PY) -m ruff check . && $(PY) -m ruff format --check .
	@echo "==> lint-imports: the direction imports may take (backend/pyproject.toml)"
	@cd $(BACKEND) && $(abspath $(VENV))/bin/lint-imports --no-cache
	@$(PY) -m ruff check --config $(BACKEND)/pyproject.toml bench
	@$(PY) -m ruff format --check --config $(BACKEND)/pyproject.toml bench

format: install ## Format and auto-fix the code
	@echo "==> ruff format and ruff check --fix"
	@cd $(BACKEND) && $(PY) -m ruff format . && $(PY) -m ruff check --fix .
	@$(PY) -m ruff format --config $(BACKEND)/pyproject.toml bench
	@$(PY) -m ruff check --fix --config $(BACKEND)/pyproject.toml bench

BENCH_DB ?= codecampus_bench
BENCH_ENV = DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_DB) REDIS_URL=redis://127.0.0.1:6379/11 DEBUG=false LOG_LEVEL=WARNING

SECTIONS ?=

bench: install frontend-install bench-tools ## Measure against PostgreSQL + Redis; writes bench/results/latest.{md,json} (SECTIONS=grading,... for some)
	@echo "==> Benchmarks on PostgreSQL (database $(BENCH_DB)) and Redis; not part of make test"
	@psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$(BENCH_DB)'" | grep -q 1 || \
	  psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE "$(BENCH_DB)"'
	@cd $(BACKEND) && $(BENCH_ENV) $(PY) manage.py migrate --noinput -v0
	@cd $(BACKEND) && $(BENCH_ENV) $(PY) manage.py load_demo >/dev/null
	@$(BENCH_ENV) $(PY) bench/run.py --sections "$(SECTIONS)"

LOADTEST_DB ?= codecampus_loadtest
LOADTEST_USERS ?= 50
LOADTEST_SECONDS ?= 60

loadtest: install ## 50 users for 60 s against gunicorn + PostgreSQL + Redis; every acknowledged write checked
	@echo "==> Load test: $(LOADTEST_USERS) users for $(LOADTEST_SECONDS) s (fresh database $(LOADTEST_DB), Redis db 12)"
	@psql -h 127.0.0.1 -U postgres -d postgres -qc 'DROP DATABASE IF EXISTS "$(LOADTEST_DB)"' 2>/dev/null
	@psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE "$(LOADTEST_DB)"'
	@redis-cli -n 12 flushdb >/dev/null
	@DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(LOADTEST_DB) REDIS_URL=redis://127.0.0.1:6379/12 \
	  $(PY) bench/loadtest.py --users $(LOADTEST_USERS) --seconds $(LOADTEST_SECONDS)

bench-tools: ## Install wrk and nginx (load generator and static-file baseline) when missing
	@for tool in wrk:wrk nginx:nginx-light; do \
	  command -v $${tool%%:*} >/dev/null 2>&1 && continue; \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "==> Installing $${tool#*:}"; \
	    apt-get install -y -qq $${tool#*:} >/dev/null 2>&1 || \
	      (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $${tool#*:} >/dev/null 2>&1); \
	  else echo "==> $${tool%%:*} is missing: install it (e.g. sudo apt-get install $${tool#*:})"; exit 1; fi; \
	done

lock: install ## Re-resolve backend/requirements/*.txt from pyproject.toml
	@echo "==> Locking dependencies with uv"
	@$(PY) -m pip install --quiet uv
	@cd $(BACKEND) && $(PY) -m uv pip compile pyproject.toml -o requirements/base.txt --python-version 3.11 --generate-hashes --quiet
	@cd $(BACKEND) && $(PY) -m uv pip compile pyproject.toml --extra dev -o requirements/dev.txt --python-version 3.11 --generate-hashes --quiet

clean: ## Remove the virtual environment, the SQLite database, the file cache and uploaded media
	@echo "==> Removing $(VENV), backend/db.sqlite3, backend/.cache and backend/media"
	@rm -rf $(VENV) $(BACKEND)/db.sqlite3 $(BACKEND)/.cache $(BACKEND)/media $(BACKEND)/.test-media
