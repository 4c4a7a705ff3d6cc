"""The production settings, with stock Wagtail's pages endpoint mounted beside ours."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "stock_api.urls"
