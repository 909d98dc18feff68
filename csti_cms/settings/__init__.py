"""Settings that every csti-cms site builds on.

A site's settings module starts with ``from csti_cms.settings.base import *`` and
sets what is its own (``ROOT_URLCONF``, ``WAGTAIL_SITE_NAME``, theme overrides).
For a public deployment it then layers ``from csti_cms.settings.production import *``.
"""
