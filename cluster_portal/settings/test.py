"""Tests: fast hashing, in-memory email, plain static storage."""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", default="test-only-insecure-key")
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Static files come from the finders here; WhiteNoise serves the collected files in production.
MIDDLEWARE = [entry for entry in MIDDLEWARE if not entry.startswith("whitenoise.")]

# One process runs the tests, so a memory cache is shared by all its requests, and query
# budgets count the pages' own SQL rather than a database cache's. The multi-process cache
# test points both servers at Redis.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# `client.login()` authenticates without a request, which django-axes refuses; the lockout tests
# (tests/ops/test_login_protection.py) switch it back on with the production values from base.
AXES_ENABLED = False
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AXES_VERBOSE = False
