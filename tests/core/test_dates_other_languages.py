"""A language an operator adds writes its dates its own way, not in the French pattern.

The German-speaking Community's centre reads "Mittwoch, 9. Dezember 2026", not "Mittwoch 9
Dezember 2026": the styles of :mod:`csti_cms.core.dates` take other languages' patterns from
Django's formats, while French, Dutch and English print exactly what they always printed.
"""

from datetime import date, datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import timezone, translation

from csti_cms.agenda.templatetags.csti_agenda import when
from csti_cms.core.dates import DATE, DAY_MONTH, WEEKDAY_DATE, WEEKDAY_DAY_MONTH, day_date
from csti_cms.visit.models.hours import overlap_message

WEDNESDAY = date(2026, 12, 9)
WITH_GERMAN = override_settings(
    LANGUAGES=[("fr", "Français"), ("nl", "Nederlands"), ("en", "English"), ("de", "Deutsch")]
)


@pytest.mark.parametrize(
    ("language", "style", "expected"),
    [
        ("de", WEEKDAY_DATE, "Mittwoch, 9. Dezember 2026"),
        ("de", DATE, "9. Dezember 2026"),
        ("de", WEEKDAY_DAY_MONTH, "Mittwoch, 9. Dezember"),
        ("de", DAY_MONTH, "9. Dezember"),
        ("es", WEEKDAY_DATE, "miércoles, 9 de diciembre de 2026"),
        ("es", DAY_MONTH, "9 de diciembre"),
        ("sv", WEEKDAY_DATE, "onsdag 9 december 2026"),
        ("hu", WEEKDAY_DATE, "2026. december 9., szerda"),
    ],
)
def test_an_added_language_writes_its_dates_as_django_knows_them(language, style, expected):
    with WITH_GERMAN, translation.override(language):
        assert day_date(WEDNESDAY, style) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            ["mercredi 9 décembre 2026", "9 décembre 2026", "mercredi 9 décembre", "9 décembre"],
        ),
        (
            "nl",
            ["woensdag 9 december 2026", "9 december 2026", "woensdag 9 december", "9 december"],
        ),
        (
            "en",
            ["Wednesday 9 December 2026", "9 December 2026", "Wednesday 9 December", "9 December"],
        ),
    ],
)
def test_french_dutch_and_english_print_what_they_always_printed(language, expected):
    with translation.override(language):
        styles = [WEEKDAY_DATE, DATE, WEEKDAY_DAY_MONTH, DAY_MONTH]
        assert [day_date(WEDNESDAY, style) for style in styles] == expected
        patterns = ["l j F Y", "j F Y", "l j F", "j F"]
        assert [day_date(WEDNESDAY, pattern) for pattern in patterns] == expected


def test_french_still_writes_the_first_of_the_month_first_in_every_style():
    with translation.override("fr"):
        assert day_date(date(2027, 1, 1), WEEKDAY_DAY_MONTH) == "vendredi 1er janvier"
    with translation.override("de"):
        assert day_date(date(2027, 1, 1), DATE) == "1. Januar 2027"


def test_the_template_filter_takes_a_style_name():
    with WITH_GERMAN, translation.override("de"):
        html = Template('{% load csti_dates %}[{{ day|day_date:"weekday_date" }}]').render(
            Context({"day": WEDNESDAY})
        )
    assert html == "[Mittwoch, 9. Dezember 2026]"


def test_the_week_of_opening_hours_names_its_days_in_german():
    days = [SimpleNamespace(day=date(2026, 12, 7), is_open=True, hours_label="10:00–17:00")]
    with WITH_GERMAN, translation.override("de"):
        html = render_to_string("csti_visit/includes/opening_week.html", {"days": days})
    assert ">Montag, 7. Dezember</time>" in html


def test_an_agenda_date_reads_in_german():
    start = timezone.make_aware(datetime(2027, 1, 20, 14, 0))
    occurrence = SimpleNamespace(start=start, end=start.replace(hour=16), all_day=False)
    with WITH_GERMAN, translation.override("de"):
        assert when(occurrence).startswith("Mittwoch, 20. Januar 2027, ")


def test_an_editors_message_names_the_other_period_in_german():
    with WITH_GERMAN, translation.override("de"):
        message = overlap_message(date(2027, 1, 21), date(2027, 3, 31))
    assert "21. Januar 2027" in message and "31. März 2027" in message
