"""Local development: debug pages, mail printed to the console."""

from csti_cms.settings.env import env_bool

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
