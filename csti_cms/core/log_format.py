"""How csti-cms writes its log lines for operators."""

import logging


class OperatorFormatter(logging.Formatter):
    """Log lines as operators read them in the journal.

    A request Django refuses as suspicious (``django.security.*``: mostly a ``Host`` header
    missing from ``ALLOWED_HOSTS``, sent by bots that scan addresses) comes with the
    traceback of Django's own check, a screenful for each bot request. Its message already
    names the host and the setting to change, so those lines keep the message only; the
    record itself is left whole for any other handler.
    """

    def format(self, record):
        if record.exc_info and record.name.startswith("django.security."):
            record = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None})
        return super().format(record)
