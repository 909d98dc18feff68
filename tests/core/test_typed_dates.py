"""Dates and times typed as text are read the way each language writes them, day first.

Where a browser shows no picker, a visitor types "15.01.2027" or "18h00"; Django's French
formats refused both ("Saisissez une heure valide."). Every language now reads ISO 8601
(what the pickers send), the day before the month with a slash, a dot or a dash, and the
times its own typography writes. What the site prints stays as it was.
"""

import importlib
from datetime import date, time, timedelta

import pytest
from django import forms
from django.utils import timezone, translation
from django.utils.formats import get_format
from freezegun import freeze_time

from csti_cms.core.typed_dates import say_what_to_type
from tests.conftest import LANGUAGES

JANUARY_15 = date(2027, 1, 15)
TYPED_DATES = [
    "2027-01-15",
    "2027/01/15",
    "15/01/2027",
    "15.01.2027",
    "15-01-2027",
    "15/01/27",
    "15.1.27",
]
TIMES_BY_LANGUAGE = {
    "fr": ["18h30", "18H30", "18 h 30", "18\u00a0h\u00a030"],
    "nl": ["18.30 uur", "18:30 uur", "18u30", "18.30u", "18h30"],
    "en": ["6:30 PM", "6:30pm"],
}


def date_not_read():
    """The English refusal of a date, its example a month from today."""
    example = timezone.localdate() + timedelta(days=30)
    return f"Enter a date as DD/MM/YYYY, e.g. {example:%d/%m/%Y}."


def read(field, typed, language):
    with translation.override(language):
        return field.clean(typed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_typed_date_is_read_in_every_language(language):
    for typed in TYPED_DATES:
        assert read(forms.DateField(), typed, language) == JANUARY_15, typed


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_day_always_comes_before_the_month(language):
    assert read(forms.DateField(), "05/04/2027", language) == date(2027, 4, 5)
    assert read(forms.DateField(), "05.04.2027", language) == date(2027, 4, 5)
    with pytest.raises(forms.ValidationError):
        read(forms.DateField(), "12/31/2027", language)
    for pattern in get_format("DATE_INPUT_FORMATS", language):
        if not pattern.startswith(("%Y", "%y")):
            assert pattern.index("%d") < pattern.index("%m"), (language, pattern)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_time_is_read_on_the_24_hour_clock_and_as_its_language_writes_it(language):
    for typed in ["18:30", "18.30", "18:30:00", *TIMES_BY_LANGUAGE[language]]:
        assert read(forms.TimeField(), typed, language) == time(18, 30), typed


def test_a_whole_hour_needs_no_minutes_in_french_and_dutch_nor_with_pm_in_english():
    assert read(forms.TimeField(), "18h", "fr") == time(18)
    assert read(forms.TimeField(), "18 h", "fr") == time(18)
    assert read(forms.TimeField(), "18 uur", "nl") == time(18)
    assert read(forms.TimeField(), "6 PM", "en") == time(18)
    assert read(forms.TimeField(), "12 am", "en") == time(0)


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_french_and_dutch_read_more_yet_print_as_django_does(language):
    """Only the input formats are the project's: "28/12/2026" and "28-12-2026" stay."""
    assert read(forms.DateField(), "15.01.2027", language) == JANUARY_15
    django_formats = importlib.import_module(f"django.conf.locale.{language}.formats")
    for name in ("DATE_FORMAT", "SHORT_DATE_FORMAT", "TIME_FORMAT", "DATETIME_FORMAT"):
        assert get_format(name, language) == getattr(django_formats, name), name


class Dates(forms.Form):
    day = forms.DateField()
    hour = forms.TimeField()


def test_a_date_or_time_not_read_says_what_to_type():
    form = Dates({"day": "next Friday", "hour": "evening"})
    say_what_to_type(form)
    with translation.override("en"):
        assert form.errors == {
            "day": [date_not_read()],
            "hour": ["Enter a time as HH:MM, e.g. 18:30."],
        }


@freeze_time("2027-06-01 10:00:00")
def test_the_example_date_is_still_ahead_whenever_it_is_shown():
    form = Dates({"day": "1er juin"})
    say_what_to_type(form)
    with translation.override("en"):
        assert form.errors["day"] == ["Enter a date as DD/MM/YYYY, e.g. 01/07/2027."]
