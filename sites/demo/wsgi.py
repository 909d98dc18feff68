"""WSGI entry point of the demo site (``gunicorn sites.demo.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sites.demo.settings.production")

application = get_wsgi_application()
