"""The database's outage warning repeats once an interval is over, measured on a clock the
test moves on (tests.core.outages), not waited for."""

from django.db import OperationalError

from csti_cms.core import database_outage
from tests.core.helpers import with_site_records
from tests.core.outages import stop_outage_clocks


def refused():
    try:
        raise ConnectionRefusedError("connection failed: Connection refused")
    except ConnectionRefusedError as cause:
        try:
            raise OperationalError(str(cause)) from cause
        except OperationalError as error:
            return error


def test_the_warning_repeats_only_once_the_interval_is_over(caplog, monkeypatch):
    clock = stop_outage_clocks(monkeypatch)
    warnings = database_outage.OutageWarnings(60)
    with with_site_records(caplog):
        warnings.warn(refused())
        clock.advance(59)
        warnings.warn(refused())
        assert len(caplog.records) == 1, "warned again within the minute"
        clock.advance(1)
        warnings.warn(refused())
    assert [record.name for record in caplog.records] == ["csti_cms.core.database_outage"] * 2
