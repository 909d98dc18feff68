"""Settings of the demo centre, shared by its dev, test and production modules."""

import os
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent.parent
os.environ.setdefault("CSTI_DATA_DIR", str(SITE_DIR.parent.parent / "var" / "demo"))

from csti_cms.settings.base import *  # noqa: E402,F403

ROOT_URLCONF = "sites.demo.urls"
WSGI_APPLICATION = "sites.demo.wsgi.application"
WAGTAIL_SITE_NAME = "Curiosa"

# The demo's own theme overrides come before the distribution's default theme.
TEMPLATES[0]["DIRS"].insert(0, SITE_DIR / "templates")  # noqa: F405

# Content loaded by `manage.py load_demo_content`.
CSTI_DEMO_CONTENT_DIR = SITE_DIR.parent.parent / "fixtures" / "demo"

# Installed plugins join the site last, so the site's own settings win over their defaults.
from csti_cms.plugins import discover_plugins  # noqa: E402

discover_plugins(globals())
