"""Settings shared by every environment; each environment module overrides what differs."""

import zoneinfo
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
# Earlier keys, newest first, while links signed with them (unsubscribe links already mailed,
# sessions) should keep working after the key is rotated.
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

DJANGO_APPS = [
    # modeltranslation patches the admin, so it must come before it.
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
    # Third-party apps under Persian names in the admin (cluster_portal/third_party_apps.py).
    "cluster_portal.third_party_apps.PortalThumbnailConfig",
    "reversion",
    "import_export",
    "cluster_portal.third_party_apps.AxesConfig",
    "django_otp",
    "cluster_portal.third_party_apps.OTPTOTPConfig",
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
    # CORS, conditional GET, the request limit and language headers of /api/ and /data/: it
    # must see the page cache's answers too (core/open_data_http.py).
    "core.open_data_http.OpenDataHttpMiddleware",
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
    "cluster_portal.admin_security.StaffIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After django-csp, so its answer is ready when django-csp writes the header.
    "cluster_portal.admin_security.AdminContentSecurityPolicyMiddleware",
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
            "BACKEND": "core.redis_cache.RedisCache",
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
# The address harvesters and data users write to (DCAT contactPoint); empty: the contact page only.
PORTAL_DATA_CONTACT_EMAIL = env("PORTAL_DATA_CONTACT_EMAIL", default="")
# Requests per client to /api/ in each window, published in the RateLimit headers and OpenAPI.
PORTAL_API_RATE_LIMIT = {
    "requests": env.int("PORTAL_API_RATE_LIMIT_REQUESTS", default=300),
    "window_seconds": env.int("PORTAL_API_RATE_LIMIT_WINDOW", default=60),
}

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
# Read zone data only from the pinned `tzdata` package, never the host's /usr/share/zoneinfo,
# which on an old server still has Iran's summer time (abolished 2022). Check portal.E001.
zoneinfo.reset_tzpath(to=())
zoneinfo.ZoneInfo.clear_cache()
# Django's own "fa" formats print no grouping.
FORMAT_MODULE_PATH = ["core.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "fa"
MODELTRANSLATION_LANGUAGES = ("fa", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fa",)
# modeltranslation's admin tabs load jQuery UI from a CDN by default.
JQUERY_UI_URL = "/static/vendor/jquery-ui-tabs/jquery-ui-tabs.js"

# django-jalali ships jQuery 1.10.2 and would replace django.jQuery.
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
        # Ours, not django-jalali's admin/main.js: the picker writes and reads 1405/06/31.
        "js/jalali-datepicker.js",
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

# Backups (docs/deploy.md): the operator's key file that signs archives and checks them on
# restore (never put in an archive), and the public key file archives are encrypted to.
PORTAL_BACKUP_KEY_FILE = env("DJANGO_BACKUP_KEY_FILE", default="")
PORTAL_BACKUP_ENCRYPT_TO = env("DJANGO_BACKUP_ENCRYPT_TO", default="")

# The admin lives where the office chooses (a less guessable path keeps scanners' noise down).
PORTAL_ADMIN_PATH = env("DJANGO_ADMIN_PATH", default="admin/").strip("/") + "/"

# Nothing is loaded from another host, so the policy is strict everywhere. The admin gets its
# own (PORTAL_ADMIN_CSP, below) from cluster_portal.admin_security.
CONTENT_SECURITY_POLICY = {
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
# The admin's policy: scripts only from 'self' plus the SHA-256 of the prose editor's import
# map on the page that has it; inline style attributes stay allowed because
# the Jalali date picker and the modeltranslation tabs set them from script.
PORTAL_ADMIN_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
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

# Login protection: lock a username from one address after repeated failures,
# so a guesser cannot lock out the whole office and one shared proxy IP does not lock everyone.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cluster_portal.views.login_locked_out"
# ... and a username from every address together after this many failures, so one password is
# not guessed from many addresses (cluster_portal/axes_handler.py). Operator unlock:
# `manage.py axes_reset_username <username>`.
PORTAL_AXES_USERNAME_FAILURE_LIMIT = env.int("PORTAL_AXES_USERNAME_FAILURE_LIMIT", default=20)
AXES_HANDLER = "cluster_portal.axes_handler.PortalAxesHandler"
# Behind nginx the client address is in X-Forwarded-For; trust exactly as many proxies as run.
AXES_IPWARE_PROXY_COUNT = env.int("AXES_IPWARE_PROXY_COUNT", default=None)
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", default=["REMOTE_ADDR"]
)

# Staff sessions: signed out after 30 idle minutes, and after 12 hours whatever happens
# (the cookie's age; only staff and the inquiry form's thank-you page use sessions).
PORTAL_STAFF_IDLE_SECONDS = env.int("PORTAL_STAFF_IDLE_MINUTES", default=30) * 60
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_HOURS", default=12) * 60 * 60

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
# Open inquiries count from their arrival (outreach/services/retention.py).
OUTREACH_INQUIRY_RETENTION_DAYS = env.int("DJANGO_INQUIRY_RETENTION_DAYS", default=365)
# A news-alert address never confirmed is deleted this long after its last confirmation mail;
# an unsubscribed one this long after unsubscribing (with its deliveries).
OUTREACH_UNCONFIRMED_RETENTION_DAYS = env.int("DJANGO_UNCONFIRMED_RETENTION_DAYS", default=7)
OUTREACH_UNSUBSCRIBED_RETENTION_DAYS = env.int("DJANGO_UNSUBSCRIBED_RETENTION_DAYS", default=30)
OUTREACH_MIN_FILL_SECONDS = 3
OUTREACH_FORM_MAX_AGE_SECONDS = 60 * 60 * 2
OUTREACH_RATE_LIMIT = {"count": 5, "window_seconds": 60 * 60}
# Submissions a minute from everyone together, beyond which each form answers 429 with a short
# page. Far above what the office receives (a few questions and sign-ups a day, a few hundred
# page answers), and low enough that a flood costs readers little: a stored question or
# sign-up renders and sends mails, a stored answer writes a row; a refusal does neither
# (`make bench`, the visitor-writes row).
OUTREACH_SITE_CAP_PER_MINUTE = {"inquiry": 10, "subscriber": 10, "feedback": 120}
OUTREACH_ALERT_MAX_ATTEMPTS = 5
# Mails other than alerts (inquiry mails, sign-up confirmations) wait in the outbox: a request
# only queues them, a thread sends them after the commit ("thread"), the timer retries failures.
# "job" leaves all sending to the `send_mail_outbox` timer; "inline" (tests) sends at once.
OUTREACH_MAIL_MAX_ATTEMPTS = 5
OUTREACH_MAIL_SENDING = env("DJANGO_MAIL_SENDING", default="thread")
# Posts older than this when the sender first sees them are not mailed (a new installation).
OUTREACH_ALERT_MAX_POST_AGE_DAYS = 7

# django-import-export: importing or exporting a model's rows needs `<app>.import_<model>` or
# `<app>.export_<model>` (declared in the models' Meta), not just a staff account.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
# Uploaded images above this many pixels are refused before decoding (core/uploads.py): a small
# file must not expand into gigabytes of memory on every thumbnail.
PORTAL_IMAGE_MAX_PIXELS = env.int("PORTAL_IMAGE_MAX_PIXELS", default=40_000_000)
