"""Settings for the test suite: fast hashing, plain static files, no outgoing mail."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="csti-test-media-")
ALLOWED_HOSTS = ["*"]
# Publications in tests make no picture sizes in advance (tests/core/test_rendition_warmup.py
# turns it on).
CSTI_RENDITION_WARMUP = False
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": []}]
STATIC_ROOT = tempfile.mkdtemp(prefix="csti-test-static-")
# A generation file of the run's own: another test run or the demo's runserver moving the one in
# var/demo would empty this run's caches under its tests (csti_cms.core.caching).
CSTI_CACHE_GENERATION_FILE = Path(tempfile.mkdtemp(prefix="csti-test-cache-")) / "cache-generation"
# Each process of a run (pytest, the commands its tests start) removes its folders as it ends.
for _folder in (MEDIA_ROOT, STATIC_ROOT, CSTI_CACHE_GENERATION_FILE.parent):
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)

# The framework's tests use a plugin that lives in the test suite.
discover_plugins(globals(), also=["tests.example_plugin.apps.QuizConfig"])  # noqa: F405
