# One-word targets; each creates the virtual environment it needs on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
STAMP := $(VENV)/.installed

# Production mode on this machine only: plain HTTP on 127.0.0.1, a locally generated key, and
# no second factor for staff (a real installation keeps it: docs/deploy.md).
SERVE_ENV = DJANGO_SETTINGS_MODULE=cluster_portal.settings.prod \
	DJANGO_SECRET_KEY="$$(cat .secret-key)" \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
	DJANGO_SECURE_SSL_REDIRECT=false DJANGO_SECURE_COOKIES=false DJANGO_SECURE_HSTS_SECONDS=0 \
	DJANGO_STAFF_OTP=false

.PHONY: run serve test lint format messages admin clean bench soak lock screens drill

# Installs exactly the versions in requirements.lock (every dependency, dev tools included).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# After changing a dependency in pyproject.toml: pin the whole tree again, for Python 3.11+.
lock:
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet "uv>=0.9,<1"
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --quiet \
		--no-header --output-file requirements.lock

.secret-key:
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > .secret-key

run: $(STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content
	$(MANAGE) load_demo
	$(MANAGE) createinitialrevisions --comment "Initial version" -v0
	$(MANAGE) build_messages
	@echo "Create an admin account with: make admin   (then open http://127.0.0.1:$(PORT)/admin/)"
	DJANGO_SITE_URL=http://127.0.0.1:$(PORT) DJANGO_EMAIL_URL=$${DJANGO_EMAIL_URL:-consolemail://} \
		$(MANAGE) runserver 127.0.0.1:$(PORT)

serve: $(STAMP) .secret-key
	$(MANAGE) build_messages
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput -v0
	$(SERVE_ENV) $(MANAGE) migrate --noinput
	$(SERVE_ENV) $(MANAGE) load_content
	$(SERVE_ENV) $(MANAGE) load_demo
	$(SERVE_ENV) $(MANAGE) createinitialrevisions --comment "Initial version" -v0
	$(SERVE_ENV) DJANGO_SITE_URL=http://127.0.0.1:$(PORT) $(BIN)/gunicorn cluster_portal.wsgi --workers 2 --bind 127.0.0.1:$(PORT) \
		--access-logfile -

# 60 s at 32 connections against `make serve`'s setup on PostgreSQL (its own database);
# fails on any error or on worker memory growth, and writes the result into docs/operations.md.
# PNGs of every admin add/change page and public page kind (fa, en; 390, 1280 px) in .screens/.
screens: $(STAMP)
	$(BIN)/python ops/screens.py
	$(BIN)/python ops/mail_screens.py

soak: $(STAMP) .secret-key
	$(BIN)/python ops/soak.py --port $(PORT)

# Back up the benchmark-size PostgreSQL database, restore it with ops/restore.sh into a new one,
# compare every table's rows and checksum; writes the times and size into docs/operations.md.
drill: $(STAMP)
	$(BIN)/python ops/drill.py

test: $(STAMP)
	$(MANAGE) build_messages -v0
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

messages: $(STAMP)
	$(MANAGE) makemessages -l fa -l en --ignore=.venv --ignore=staticfiles --ignore=bench
	$(MANAGE) build_messages

admin: $(STAMP)
	$(MANAGE) createsuperuser

clean:
	rm -rf staticfiles .pytest_cache

bench: $(STAMP)
	@command -v wrk >/dev/null || { echo "Installing wrk (load generator) with apt-get"; \
		apt-get update -qq && apt-get install -y -qq wrk; }
	$(BIN)/python bench/run.py
