"""Local development: debug pages, mail printed to the console."""

from csti_cms.settings.env import env_bool

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)

# runserver serves static files from the apps; whitenoise only wants the folder to exist.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Browsers resolve every *.localhost name to this machine, so a second centre can be tried
# on a host name of its own (centre-b.localhost:8000) as in "Several centres on one install".
ALLOWED_HOSTS = [*ALLOWED_HOSTS, ".localhost"]  # noqa: F405
