"""Settings shared by every environment; each environment module overrides what differs."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

DJANGO_APPS = [
    # modeltranslation patches the admin, so it must come before it (ECOSYSTEM.md P10).
    "modeltranslation",
    # The admin site is ours: it asks staff for a one-time password when the office turns that on.
    "cluster_portal.admin_site.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Its lookups (trigram similarity for the site search); inert on SQLite.
    "django.contrib.postgres",
]
THIRD_PARTY_APPS = [
    "django_jalali",
    "django_prose_editor",
    "sorl.thumbnail",
    "reversion",
    "import_export",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]
LOCAL_APPS = [
    "core",
    "cluster_portal",
    "clusters",
    "carpets",
    "news",
    "search",
    "outreach",
    "directory",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    # First: a cached page is answered before any other work; it was stored with every header
    # the layers below add.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 answers for every page, feed, download and API response.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.AdminLanguageMiddleware",
    "core.middleware.RejectMalformedRequestMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lockout raised anywhere above into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cluster_portal.urls"
WSGI_APPLICATION = "cluster_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cluster_portal.context_processors.site",
            ],
        },
    },
]

# SQLite is the embedded default so `make run` needs nothing else; production sets DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=0)
# A kept-open connection is tested before reuse, so a restarted database costs no failed request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache that every worker and server shares: Redis when REDIS_URL is set, else the database.
# A per-process memory cache would leave other workers serving stale pages.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("DJANGO_CACHE_PREFIX", default="portal"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
PORTAL_PAGE_CACHE = "default"
PORTAL_PAGE_CACHE_SECONDS = env.int("PORTAL_PAGE_CACHE_SECONDS", default=600)

# django-axes must see every login attempt first, so its backend comes before Django's.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Persian first: `/` is Persian, `/en/` English; every translated field falls back to Persian.
LANGUAGE_CODE = "fa"
LANGUAGES = [
    ("fa", _("Persian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Tehran"
# Django's own "fa" formats print no grouping (ECOSYSTEM.md P11).
FORMAT_MODULE_PATH = ["core.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "fa"
MODELTRANSLATION_LANGUAGES = ("fa", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fa",)
# modeltranslation's admin tabs load jQuery UI from a CDN by default (ECOSYSTEM.md P2).
JQUERY_UI_URL = "/static/vendor/jquery-ui-tabs/jquery-ui-tabs.js"

# django-jalali ships jQuery 1.10.2 and would replace django.jQuery (ECOSYSTEM.md P3).
JALALI_SETTINGS = {
    "ADMIN_JS_STATIC_FILES": [
        "admin/js/vendor/jquery/jquery.min.js",
        # Named so that Media merging keeps django.jQuery defined before the shim reads it.
        "admin/js/jquery.init.js",
        "js/jquery-global.js",
        "admin/jquery.ui.datepicker.jalali/scripts/jquery.ui.core.js",
        "admin/jquery.ui.datepicker.jalali/scripts/jquery.ui.datepicker-cc.js",
        "admin/jquery.ui.datepicker.jalali/scripts/calendar.all.js",
        "admin/jquery.ui.datepicker.jalali/scripts/calendar.js",
        "admin/jquery.ui.datepicker.jalali/scripts/jquery.ui.datepicker-cc-fa.js",
        "admin/main.js",
    ],
    "ADMIN_CSS_STATIC_FILES": {
        "all": [
            "admin/jquery.ui.datepicker.jalali/themes/base/jquery-ui.min.css",
            "admin/css/main.css",
        ]
    },
}

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The admin lives where the office chooses (a less guessable path keeps scanners' noise down).
PORTAL_ADMIN_PATH = env("DJANGO_ADMIN_PATH", default="admin/").strip("/") + "/"

# Nothing is loaded from another host, so the policy can be strict everywhere but the admin,
# whose widgets (Jalali date picker, modeltranslation tabs) use inline scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [f"/{PORTAL_ADMIN_PATH}"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Sent by PermissionsPolicyMiddleware: the site uses none of these browser features.
PORTAL_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# Login protection (ECOSYSTEM.md P13): lock a username from one address after repeated failures,
# so a guesser cannot lock out the whole office and one shared proxy IP does not lock everyone.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cluster_portal.views.login_locked_out"
# Behind nginx the client address is in X-Forwarded-For; trust exactly as many proxies as run.
AXES_IPWARE_PROXY_COUNT = env.int("AXES_IPWARE_PROXY_COUNT", default=None)
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", default=["REMOTE_ADDR"]
)

# Staff sign in with a one-time password too when the office turns this on (django-otp, TOTP).
PORTAL_STAFF_OTP_REQUIRED = env.bool("DJANGO_STAFF_OTP", default=False)
OTP_TOTP_ISSUER = "Zanjan cluster portal"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}

# Thumbnails are made on first view and remembered in the database, like the rest of the state.
THUMBNAIL_KVSTORE = "sorl.thumbnail.kvstores.cached_db_kvstore.KVStore"
THUMBNAIL_PRESERVE_FORMAT = True
THUMBNAIL_QUALITY = 82
# Upload limits for news images and attachments, in bytes.
PORTAL_NEWS_IMAGE_MAX_BYTES = env.int("PORTAL_NEWS_IMAGE_MAX_BYTES", default=5 * 1024 * 1024)
PORTAL_NEWS_ATTACHMENT_MAX_BYTES = env.int(
    "PORTAL_NEWS_ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024
)

# How many important news items the home page pins.
PORTAL_IMPORTANT_NEWS_COUNT = 3
PORTAL_NEWS_PAGE_SIZE = 10

# Outreach (inquiries, news alerts, feedback). Mail goes through SMTP in production:
# DJANGO_EMAIL_URL=smtp+tls://user:password@mail.example.org:587 (django-environ's email URL).
vars().update(env.email_url("DJANGO_EMAIL_URL", default="smtp://127.0.0.1:25"))
DEFAULT_FROM_EMAIL = env(
    "DJANGO_DEFAULT_FROM_EMAIL", default="Zanjan Industrial Clusters <no-reply@localhost>"
)
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=20)
# The public address, the one base of every absolute link in mails, feeds and sitemaps (the
# sending jobs run without a request). `make run` and `make serve` set it to where they serve.
PORTAL_SITE_URL = env("DJANGO_SITE_URL", default="http://127.0.0.1:8000")
# Behind a reverse proxy every client has the proxy's address; name the header it sets
# (e.g. HTTP_X_REAL_IP) so rate limits count real clients.
OUTREACH_CLIENT_IP_HEADER = env("DJANGO_CLIENT_IP_HEADER", default="")
# Closed inquiries lose the sender's personal data this many days after closing.
OUTREACH_INQUIRY_RETENTION_DAYS = env.int("DJANGO_INQUIRY_RETENTION_DAYS", default=365)
OUTREACH_MIN_FILL_SECONDS = 3
OUTREACH_FORM_MAX_AGE_SECONDS = 60 * 60 * 2
OUTREACH_RATE_LIMIT = {"count": 5, "window_seconds": 60 * 60}
OUTREACH_ALERT_MAX_ATTEMPTS = 5
# Mails other than alerts (inquiry mails, sign-up confirmations) wait in the outbox: a request
# only queues them, a thread sends them after the commit ("thread"), the timer retries failures.
# "job" leaves all sending to the `send_mail_outbox` timer; "inline" (tests) sends at once.
OUTREACH_MAIL_MAX_ATTEMPTS = 5
OUTREACH_MAIL_SENDING = env("DJANGO_MAIL_SENDING", default="thread")
# Posts older than this when the sender first sees them are not mailed (a new installation).
OUTREACH_ALERT_MAX_POST_AGE_DAYS = 7
