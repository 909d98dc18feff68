"""Settings of the demo as the quality gate and the benchmarks serve it.

The demo's production settings, unchanged, plus what serving on plain HTTP from
one machine needs and production leaves to the web server in front:

- media files (image renditions, uploads) are served by Django, because
  production settings serve none and the gate checks that every image answers 200;
- ``/__floor__/``, a bare Django view that returns a fixed page through the same
  middleware, which the benchmarks measure pages against.

The environment still has to provide ``SECRET_KEY`` and ``ALLOWED_HOSTS``, and
``SECURE_SSL_REDIRECT=0`` since nothing terminates TLS in front (``quality.server``
sets all three). Never use this module for a public site.
"""

from sites.demo.settings.production import *  # noqa: F403

ROOT_URLCONF = "quality.urls"
