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


class RoutineAsWarning(logging.Filter):
    """Records of routine internet noise, lowered from ERROR to WARNING for every handler.

    Django logs a request for a host missing from ``ALLOWED_HOSTS`` as an error, yet bots
    scanning addresses send them all day: nothing in csti-cms failed, and alerts raised on
    errors (the journal watched for ERROR, an error tracker) would fire for each bot. It
    still reaches the log as a warning, in case the host is one an operator forgot to add.
    Set on the logger in ``LOGGING``, so every handler, not only the console, sees it lowered.
    """

    def filter(self, record):
        if record.levelno > logging.WARNING:
            record.levelno = logging.WARNING
            record.levelname = logging.getLevelName(logging.WARNING)
        return True


def logged_elsewhere(response):
    """Keep Django from logging ``response`` itself (``django.request``: an error for a 5xx).

    For failures csti-cms already logged on one line with their cause (the database or the
    search server out of reach), where Django's line per request, traceback included, would
    repeat an outage thousands of times. Django marks each response it logged, so as not to
    log it twice; marking it here says the same.
    """
    response._has_been_logged = True
