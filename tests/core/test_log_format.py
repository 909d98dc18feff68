"""Operators read one line per refused host, and every traceback that helps them."""

import logging
import sys

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

pytestmark = pytest.mark.django_db


def operator_lines(record):
    """``record`` as the console handler of the settings writes it."""
    spec = settings.LOGGING["formatters"]["plain"]
    return import_string(spec["()"])(spec["format"]).format(record)


def test_a_host_missing_from_allowed_hosts_is_logged_on_one_line(client, caplog, settings):
    settings.ALLOWED_HOSTS = ["curiosa.test"]
    with caplog.at_level(logging.WARNING, "django.security"):
        response = client.get("/fr/", HTTP_HOST="scanner.example")
    assert response.status_code == 400
    (record,) = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    line = operator_lines(record)
    assert "Invalid HTTP_HOST header: 'scanner.example'" in line
    assert "ALLOWED_HOSTS" in line
    assert "Traceback" not in line and "\n" not in line
    # Other handlers (an error tracker) still get the exception.
    assert record.exc_info is not None


class RecordsKept(logging.Handler):
    """Keeps the records it is handed, like an error tracker or an alert on errors."""

    def __init__(self, level):
        super().__init__(level)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def test_a_refused_host_is_a_warning_not_an_error(client, settings):
    settings.ALLOWED_HOSTS = ["curiosa.test"]
    root = logging.getLogger()
    errors, warnings = RecordsKept(logging.ERROR), RecordsKept(logging.WARNING)
    root.addHandler(errors)
    root.addHandler(warnings)
    try:
        response = client.get("/fr/", HTTP_HOST="scanner.example")
    finally:
        root.removeHandler(errors)
        root.removeHandler(warnings)
    assert response.status_code == 400
    # Alerts on errors stay quiet for bots...
    assert errors.records == []
    # ... and the refusal is still in the log, where an operator who forgot a host finds it.
    (record,) = [r for r in warnings.records if r.name == "django.security.DisallowedHost"]
    assert (record.levelno, record.levelname) == (logging.WARNING, "WARNING")
    line = operator_lines(record)
    assert " WARNING django.security.DisallowedHost: Invalid HTTP_HOST header" in line


def test_other_errors_keep_their_traceback():
    try:
        raise RuntimeError("the agenda feed could not be read")
    except RuntimeError:
        record = logging.getLogger("csti_cms.agenda").makeRecord(
            "csti_cms.agenda", logging.ERROR, __file__, 1, "import failed", (), sys.exc_info()
        )
    line = operator_lines(record)
    assert "import failed" in line
    assert "Traceback" in line and "the agenda feed could not be read" in line
