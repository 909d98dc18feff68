"""Times of day and day dates follow each language's typography, not one clock for all.

French writes "9 h 30" and "1er janvier", Flemish "9.30 uur" and "17 uur": "09:30" on a
French or Dutch page reads like a railway timetable, not like the page's own prose.
"""

from datetime import UTC, date, datetime, time

import pytest
from django.template import Context, Template
from django.utils import translation

from csti_cms.core.dates import day_date, time_of_day, time_range

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("fr", time(10), f"10{NBSP}h"),
        ("fr", time(9, 30), f"9{NBSP}h{NBSP}30"),
        ("fr", time(0, 5), f"0{NBSP}h{NBSP}05"),
        ("nl", time(10), f"10{NBSP}uur"),
        ("nl", time(9, 30), f"9.30{NBSP}uur"),
        ("en", time(10), "10:00"),
        ("en", time(9, 30), "9:30"),
    ],
)
def test_a_time_of_day_in_each_language(language, value, expected):
    with translation.override(language):
        assert time_of_day(value) == expected


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("fr", time(14), time(17), f"14{NBSP}h{NBSP}– 17{NBSP}h"),
        ("fr", time(9, 30), time(17), f"9{NBSP}h{NBSP}30{NBSP}– 17{NBSP}h"),
        ("nl", time(14), time(17), f"14–17{NBSP}uur"),
        ("nl", time(9, 30), time(17), f"9.30–17{NBSP}uur"),
        ("en", time(14), time(17, 30), "14:00–17:30"),
    ],
)
def test_a_range_of_times_in_each_language(language, start, end, expected):
    with translation.override(language):
        assert time_range(start, end) == expected


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", f"14{NBSP}h"), ("nl", f"14{NBSP}uur"), ("en", "14:00")]
)
def test_the_filter_prints_an_aware_moment_in_the_centres_time(language, expected):
    # 13:00 UTC on a winter day is 14:00 in Brussels.
    moment = datetime(2026, 1, 14, 13, 0, tzinfo=UTC)
    with translation.override(language):
        html = Template("{% load csti_dates %}[{{ moment|time_of_day }}]").render(
            Context({"moment": moment})
        )
    assert html == f"[{expected}]"


def test_no_time_prints_nothing():
    assert Template("{% load csti_dates %}[{{ nothing|time_of_day }}]").render(Context()) == "[]"


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("fr", date(2026, 1, 1), "jeudi 1er janvier 2026"),
        ("fr", date(2026, 1, 2), "vendredi 2 janvier 2026"),
        ("nl", date(2026, 1, 1), "donderdag 1 januari 2026"),
        ("en", date(2026, 1, 1), "Thursday 1 January 2026"),
    ],
)
def test_french_writes_the_first_day_of_a_month_first(language, day, expected):
    with translation.override(language):
        assert day_date(day, "l j F Y") == expected


def test_the_first_day_also_reads_first_in_named_formats_and_leaves_escapes_alone():
    with translation.override("fr"):
        assert day_date(date(2026, 5, 1)) == "1er mai 2026"
        assert day_date(date(2026, 5, 1), r"\j j F") == "j 1er mai"
