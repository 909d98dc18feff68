"""Mail backends whose server is down or slow, for tests of what happens then."""

import smtplib

from django.core.mail.backends import locmem
from django.core.mail.backends.base import BaseEmailBackend


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class OverlappingBackend(locmem.EmailBackend):
    """Delivers to the outbox as the local memory backend does, after running ``meanwhile``
    once: what another process does while this one waits for a slow mail server."""

    meanwhile = None

    def send_messages(self, email_messages):
        run, OverlappingBackend.meanwhile = OverlappingBackend.meanwhile, None
        if run is not None:
            run()
        return super().send_messages(email_messages)
