"""Production: every secret from the environment, hardened transport and cookies."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")

# `make serve` turns these off to run over plain HTTP on 127.0.0.1; a real deployment keeps them.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True

# Staff sign in with a one-time password in production (django-otp, TOTP; docs/operations.md).
# `make run` (development settings) leaves it off; switching it off here needs saying so.
PORTAL_STAFF_OTP_REQUIRED = env.bool("DJANGO_STAFF_OTP", default=True)

# A worker keeps its database connection between requests: opening one costs PostgreSQL a new
# backend process per page. Health checks (base settings) replace a connection that went away.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "core.storage.ForgivingManifestStaticFilesStorage"},
}
# With several app servers, uploads go to an S3-compatible store (django-storages, the `s3`
# extra in pyproject.toml); docs/deploy.md shows the variables.
if env("DJANGO_S3_BUCKET", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("DJANGO_S3_BUCKET"),
            "endpoint_url": env("DJANGO_S3_ENDPOINT_URL", default=None),
            "region_name": env("DJANGO_S3_REGION", default=None),
            "access_key": env("DJANGO_S3_ACCESS_KEY"),
            "secret_key": env("DJANGO_S3_SECRET_KEY"),
            "custom_domain": env("DJANGO_S3_PUBLIC_DOMAIN", default=None),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
