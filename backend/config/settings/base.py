"""Settings shared by every environment. Values come from config.env only."""

from pathlib import Path

from ai.settings import wagtail_ai_settings
from config.env import (
    cache_settings,
    database_settings,
    env_bool,
    env_float,
    env_int,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

FRONTEND_URL = env_str("FRONTEND_URL", "http://localhost:3000").rstrip("/")
BACKEND_URL = env_str("BACKEND_URL", "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    "core",
    "delivery",
    "home",
    "people",
    "blog",
    "courses",
    "learning",
    "accounts",
    "grading",
    "demo",
    "ai",
    # wagtail_ai comes before Wagtail's apps, as its documentation asks.
    "wagtail_ai",
    "django_ai_core",
    "wagtail.contrib.settings",
    "wagtail_headless_preview",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "allauth",
    "allauth.account",
    "allauth.headless",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.surrogates.RejectLoneSurrogatesMiddleware",
    # Public content responses from the cache; inside CORS so cached ones get its headers.
    "delivery.cache.ContentCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SignedInMarkMiddleware",
    "accounts.middleware.PersonalAnswersAreNotCachedMiddleware",
    "accounts.middleware.LockoutRetryAfterMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_settings(sqlite_path=str(BASE_DIR / "db.sqlite3"))}
CACHES = {"default": cache_settings(file_cache_dir=str(BASE_DIR / ".cache"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
# Serving uploads from Django suits development and single-host deployments;
# larger ones put MEDIA_ROOT behind a web server or object storage instead.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# Requests bigger than this are refused before any view reads them.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)

# Cross-origin reads are for the API only, and only for the listed origins.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [FRONTEND_URL])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [FRONTEND_URL])
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# How many proxies of ours stand in front of the backend and append to
# X-Forwarded-For (nginx, the Next.js same-site proxy): the client's address is the
# entry that many places from the right. 0 trusts no header (REMOTE_ADDR only).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    # Browsers use the session cookie (with CSRF); apps send allauth's X-Session-Token.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.authentication.SessionTokenAuthentication",
        "core.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "core.pagination.MetaPagination",
    "DEFAULT_THROTTLE_RATES": {"submissions": env_str("SUBMISSION_RATE", "30/min")},
    # The client address behind TRUSTED_PROXY_COUNT proxies (DRF's default of None would
    # key anonymous throttles on the whole X-Forwarded-For, which a client writes).
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "EXCEPTION_HANDLER": "core.errors.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

# The admin asks no other host for anything: no Gravatar pictures, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

SPECTACULAR_SETTINGS = {
    "TITLE": "CodeCampus API",
    # <id:...> in routes (core/ids.py): a positive integer within a bigint's range.
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 2**63 - 1}
    },
    "DESCRIPTION": (
        "Content API (`/api/v2/`, Wagtail's, published public content only) and learning "
        "API (`/api/v1/`). Errors always use the Error schema. Browsers "
        "authenticate with the session cookie and send `X-CSRFToken` on writes; apps "
        "send allauth's `X-Session-Token`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]",
    "PREPROCESSING_HOOKS": ["core.openapi.only_documented_apis"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.openapi.any_of_for_overlapping_shapes",
        "core.openapi.public_operations_need_no_credentials",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"SubmissionStatusEnum": "learning.models.SubmissionStatus"},
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Learner accounts: django-allauth's headless API, e-mail as the login.
HEADLESS_ONLY = True
HEADLESS_CLIENTS = ("browser", "app")
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": f"{FRONTEND_URL}/account/verify-email/{{key}}",
    "account_reset_password_from_key": f"{FRONTEND_URL}/account/password/reset/{{key}}",
    "account_signup": f"{FRONTEND_URL}/account/signup",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Failed logins: at most 10 a minute per client address, and LOGIN_ATTEMPTS_LIMIT per
# account *from one address* in 5 minutes (accounts/adapter.py): nobody can lock
# another person out by failing on purpose from elsewhere.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {"login_failed": f"10/m/ip,{env_int('LOGIN_ATTEMPTS_LIMIT', 5)}/300s/key"}
# Retry-After of a locked-out login: the longer of the two windows above.
LOGIN_LOCKOUT_RETRY_AFTER_SECONDS = 300
# Wagtail admin sign-in: attempts per client address and per username in a window;
# successful sign-ins do not count.
ADMIN_LOGIN_WINDOW_SECONDS = env_int("ADMIN_LOGIN_WINDOW_SECONDS", 15 * 60)
ADMIN_LOGIN_ADDRESS_LIMIT = env_int("ADMIN_LOGIN_ADDRESS_LIMIT", 20)
ADMIN_LOGIN_USER_LIMIT = env_int("ADMIN_LOGIN_USER_LIMIT", 5)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "CodeCampus <noreply@localhost>")

# Learner code is capped before it reaches the database or the grader.
SUBMISSION_MAX_CODE_BYTES = env_int("SUBMISSION_MAX_CODE_BYTES", 64 * 1024)

TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env_str("TASKS_BACKEND", "immediate")],
    }
}

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "CodeCampus")
WAGTAILADMIN_BASE_URL = BACKEND_URL
WAGTAILAPI_BASE_URL = BACKEND_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Search phrases longer than this are cut before they reach the query parser.
SEARCH_QUERY_MAX_LENGTH = 200
# A search by relevance ranks and counts only this many of its newest matches
# (delivery/search.py), so a broad word costs the same however big the blog grows;
# 0 ranks and counts every match.
SEARCH_RANKED_MATCHES = env_int("SEARCH_RANKED_MATCHES", 1000, minimum=0)

WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": env_str("PREVIEW_URL", f"{FRONTEND_URL}/api/preview")},
    "SERVE_BASE_URL": FRONTEND_URL,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": False,
}
# Whole public content responses from the cache (delivery.cache); off only to benchmark.
CONTENT_API_CACHE = env_bool("CONTENT_API_CACHE", True)
# A preview link is the reader's only credential, so it expires (seconds).
PREVIEW_TOKEN_MAX_AGE = env_int("PREVIEW_TOKEN_MAX_AGE", 60 * 60)

# Frontend revalidation: on publish, unpublish, move and delete the backend tells the
# frontend which cached pages to refresh. Off while REVALIDATE_SECRET is empty.
FRONTEND_REVALIDATE_URL = env_str("FRONTEND_REVALIDATE_URL", f"{FRONTEND_URL}/api/revalidate/")
REVALIDATE_SECRET = env_str("REVALIDATE_SECRET")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"keyvalue": {"()": "core.logging.KeyValueFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "keyvalue"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        # AI clients log whole requests at DEBUG: prompts stay out of our logs.
        "openai": {"level": "WARNING"},
        "httpx": {"level": "WARNING"},
        "httpcore": {"level": "WARNING"},
        "any_llm": {"level": "WARNING"},
    },
}

# AI (see ai/): OpenAI when OPENAI_API_KEY is set, any OpenAI-compatible server
# when AI_BASE_URL is set, otherwise the offline engine. wagtail-ai's provider is
# built from the same settings, and its admin calls go through the AI service.
OPENAI_API_KEY = env_str("OPENAI_API_KEY")
AI_BASE_URL = env_str("AI_BASE_URL")
AI_MODEL = env_str("AI_MODEL", "gpt-4o-mini")
AI_TIMEOUT_SECONDS = env_float("AI_TIMEOUT_SECONDS", 30.0)
# Prices per million tokens, in USD, of AI_MODEL (defaults: gpt-4o-mini).
AI_PRICE_INPUT_PER_MTOK = env_float("AI_PRICE_INPUT_PER_MTOK", 0.15)
AI_PRICE_OUTPUT_PER_MTOK = env_float("AI_PRICE_OUTPUT_PER_MTOK", 0.60)
AI_MONTHLY_BUDGET_USD = env_float("AI_MONTHLY_BUDGET_USD", 20.0)
AI_CACHE_TTL_SECONDS = env_int("AI_CACHE_TTL_SECONDS", 30 * 24 * 3600)
# Provider calls per user per hour; superusers are not limited by tier.
AI_LEARNER_CALLS_PER_HOUR = env_int("AI_LEARNER_CALLS_PER_HOUR", 20)
AI_STAFF_CALLS_PER_HOUR = env_int("AI_STAFF_CALLS_PER_HOUR", 200)
AI_GLOBAL_CALLS_PER_HOUR = env_int("AI_GLOBAL_CALLS_PER_HOUR", 2000)
# Counters, cache and single flight: Redis when REDIS_URL is set, else in-process.
AI_REDIS_URL = env_str("AI_REDIS_URL", env_str("REDIS_URL"))
# Keys share CACHE_KEY_PREFIX with the cache, so deployments can share a Redis database.
AI_KEY_PREFIX = f"{env_str('CACHE_KEY_PREFIX', 'codecampus')}:ai:"
# wagtail-ai's image form: "Generate title" and "Generate description" on images.
WAGTAILIMAGES_IMAGE_FORM_BASE = "wagtail_ai.forms.DescribeImageForm"
WAGTAIL_AI = wagtail_ai_settings(
    api_key=OPENAI_API_KEY, base_url=AI_BASE_URL, model=AI_MODEL, timeout=AI_TIMEOUT_SECONDS
)

# Grading learner code (see docs/grading.md). "auto" uses bubblewrap when it
# works here; without it nothing is graded unless GRADING_ALLOW_UNISOLATED is
# set, in every environment (learner code could then read this machine's files).
GRADING_ISOLATION = env_str("GRADING_ISOLATION", "auto")
GRADING_ALLOW_UNISOLATED = env_bool("GRADING_ALLOW_UNISOLATED", False)
GRADING_PYTHON = env_str("GRADING_PYTHON")
# A root worker runs each sandbox as a uid of its own from this range (isolation.py).
GRADING_UID_POOL_START = env_int("GRADING_UID_POOL_START", 61000, minimum=1000)
GRADING_UID_POOL_SIZE = env_int("GRADING_UID_POOL_SIZE", 64, minimum=2)
# Per-run cgroups (memory and processes) where the kernel lets this process make them.
GRADING_CGROUPS = env_bool("GRADING_CGROUPS", True)
GRADING_MAX_CPU_SECONDS = env_int("GRADING_MAX_CPU_SECONDS", 10)
GRADING_MAX_MEMORY_MB = env_int("GRADING_MAX_MEMORY_MB", 512)
# A submission whose worker vanished is retried after this long, at most
# GRADING_MAX_ATTEMPTS times, then marked as an error.
GRADING_LEASE_SECONDS = env_int("GRADING_LEASE_SECONDS", 120)
GRADING_MAX_ATTEMPTS = env_int("GRADING_MAX_ATTEMPTS", 3)
