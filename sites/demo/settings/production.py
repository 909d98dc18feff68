"""The demo centre as it would run in public."""

from csti_cms.settings.production import *  # noqa: E402,F403

from .base import *  # noqa: F403
