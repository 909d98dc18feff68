"""Closed days are asked of whichever app knows them, through a hook."""

from datetime import date

from wagtail import hooks

from csti_cms.enquiries.closures import CLOSED_DATES_HOOK, closed_dates


def test_no_provider_means_no_closed_day():
    assert closed_dates(None, date(2027, 1, 1), date(2027, 12, 31)) == set()


def test_the_dates_of_every_provider_within_the_range_count():
    def christmas(site, start, end):
        return [date(2027, 12, 25), date(2028, 1, 1)]

    def works(site, start, end):
        return {date(2027, 12, 20)}

    with (
        hooks.register_temporarily(CLOSED_DATES_HOOK, christmas),
        hooks.register_temporarily(CLOSED_DATES_HOOK, works),
    ):
        assert closed_dates(None, date(2027, 12, 1), date(2027, 12, 31)) == {
            date(2027, 12, 25),
            date(2027, 12, 20),
        }
        assert closed_dates(None, date(2027, 12, 31), date(2027, 12, 1)) == set()
