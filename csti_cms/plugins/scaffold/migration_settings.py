"""Settings used only to make a new plugin's initial migration (see ``create_plugin``)."""

import os

from csti_cms.plugins import discover_plugins
from csti_cms.settings.base import *  # noqa: F403

ROOT_URLCONF = "csti_cms.urls"
discover_plugins(globals(), also=[os.environ["CSTI_SCAFFOLD_APP"]])
