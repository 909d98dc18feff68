"""The demo site's development settings with e-mail written to files.

For the browser test of endorsements, whose demo server runs in its own process:
the test reads the confirmation e-mail from ``CSTI_TEST_MAIL_DIR``.
"""

import os

from sites.demo.settings.dev import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["CSTI_TEST_MAIL_DIR"]
