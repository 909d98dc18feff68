"""Local development: debug pages, mail printed to the console."""

from csti_cms.settings.env import env_bool

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)

# runserver serves static files from the apps; whitenoise only wants the folder to exist.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
