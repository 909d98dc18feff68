"""The demo centre as it would run in public.

The order matters: the site's settings first, then the production layer that
hardens them (import sorting must not swap the two, hence the I001 exemption).
"""
# ruff: noqa: I001

from .base import *  # noqa: F403
from csti_cms.settings.production import *  # noqa: F403
