"""Times of day and day dates written the way each language's typography writes them.

Django's formats cannot say "10 h" for a whole hour but "9 h 30" otherwise, nor "1er janvier"
on the first of the month only, so the public site prints times and day dates through these
functions (in templates, the ``csti_dates`` filters). Machine-readable values
(``<time datetime>``, JSON-LD, iCalendar) keep ISO 8601.

- French: "10 h", "9 h 30", "14 h – 17 h", "mercredi 1er janvier".
- Dutch (Flemish usage, as the Taalunie advises and the demo's prose writes): "10 uur",
  "9.30 uur", "14–17 uur": a full hour says no minutes, "uur" comes once after a range.
- English: the 24-hour clock of the signs at the door, "10:00", "9:30", "14:00–17:00".
- A language an operator adds (German for the German-speaking Community): its day dates
  from Django's formats of that language, "Mittwoch, 9. Dezember 2026".
"""

from datetime import date, datetime

from django.utils import timezone, translation
from django.utils.formats import date_format, get_format
from django.utils.translation import gettext_lazy as _

#: The first and last days a page may name (an event, an exhibition) and the agenda answers
#: for: its calendar's months, its date filters and the JSON ``updated_since``. Wider than any
#: programme, yet far enough from the ends of Python's dates that a day after, or local
#: midnight in UTC, always exists: a visitor's 9999-12-31 is a wrong filter, not an overflow.
FIRST_DAY = date(1901, 1, 1)
LAST_DAY = date(2999, 12, 31)


def out_of_range_errors(instance, *names):
    """``{field: message}`` for the date fields ``names`` of ``instance`` outside
    ``FIRST_DAY``–``LAST_DAY``: 0001-01-01 typed for 2001-01-01 is refused, not published."""
    message = _("Give a date between %(first)s and %(last)s.") % {
        "first": FIRST_DAY.isoformat(),
        "last": LAST_DAY.isoformat(),
    }
    return {
        name: message
        for name in names
        if getattr(instance, name) is not None
        and not FIRST_DAY <= getattr(instance, name) <= LAST_DAY
    }


#: Keeps "10 h" and "9.30 uur" on one line.
NBSP = "\u00a0"
EN_DASH = "\u2013"


def _language(language):
    return (language or translation.get_language() or "en").split("-")[0].lower()


def _local(value):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _clock(value, language):
    """The time without the unit Dutch writes once after a range."""
    hour, minute = value.hour, value.minute
    if language == "fr":
        return f"{hour}{NBSP}h" if not minute else f"{hour}{NBSP}h{NBSP}{minute:02d}"
    if language == "nl":
        return f"{hour}" if not minute else f"{hour}.{minute:02d}"
    return f"{hour}:{minute:02d}"


def time_of_day(value, language=None):
    """A ``time`` or ``datetime`` as the language writes it in a sentence: "9 h 30"."""
    if value in (None, ""):
        return ""
    language = _language(language)
    clock = _clock(_local(value), language)
    return f"{clock}{NBSP}uur" if language == "nl" else clock


def time_range(start, end, language=None):
    """Two times of the same day as a range: "14 h – 17 h", "14–17 uur", "14:00–17:00"."""
    language = _language(language)
    start, end = _local(start), _local(end)
    if language == "fr":
        return f"{_clock(start, language)}{NBSP}{EN_DASH} {_clock(end, language)}"
    if language == "nl":
        return f"{_clock(start, language)}{EN_DASH}{_clock(end, language)}{NBSP}uur"
    return f"{_clock(start, language)}{EN_DASH}{_clock(end, language)}"


#: The ways the public site names a day, by name: a template or a sentence asks for
#: "weekday_date", never for "l j F Y", which would print "Mittwoch 9 Dezember 2026" where
#: German writes "Mittwoch, 9. Dezember 2026".
WEEKDAY_DATE = "weekday_date"  # "mercredi 9 décembre 2026"
DATE = "date"  # "9 décembre 2026"
WEEKDAY_DAY_MONTH = "weekday_day_month"  # "mercredi 9 décembre"
DAY_MONTH = "day_month"  # "9 décembre"

#: The patterns of the languages csti-cms is written in, as their visitors have always read them.
_PATTERNS = {
    language: {
        WEEKDAY_DATE: "l j F Y",
        DATE: "j F Y",
        WEEKDAY_DAY_MONTH: "l j F",
        DAY_MONTH: "j F",
    }
    for language in ("fr", "nl", "en")
}

#: Languages added by an operator that name the weekday without a comma: "mercoledì 9
#: dicembre", "onsdag 9. desember". Most others write one: "Mittwoch, 9. Dezember".
_WEEKDAY_WITHOUT_COMMA = {"it", "sv", "da", "nb", "nn", "no"}


def _pattern_from_locale(style, code):
    """A style in a language csti-cms has no patterns for, from Django's formats of that
    language (or the site's ``FORMAT_MODULE_PATH``): its date, its day and month, and the
    weekday before them, or after them when the date starts with the year ("2026. december
    9., szerda")."""
    full = get_format("DATE_FORMAT", code)
    pattern = full if style in (WEEKDAY_DATE, DATE) else get_format("MONTH_DAY_FORMAT", code)
    if style in (DATE, DAY_MONTH):
        return pattern
    if full.startswith("Y"):
        return f"{pattern}, l"
    return f"l {pattern}" if _language(code) in _WEEKDAY_WITHOUT_COMMA else f"l, {pattern}"


def _pattern(style, code):
    """The ``date_format`` pattern of a style, else of a Django format name, else ``style``
    itself: a pattern."""
    if style not in (WEEKDAY_DATE, DATE, WEEKDAY_DAY_MONTH, DAY_MONTH):
        return get_format(style, code)
    return _PATTERNS.get(_language(code), {}).get(style) or _pattern_from_locale(style, code)


def day_date(value, style=DATE, language=None):
    """A day as the language writes it, in one of the styles above ("Mittwoch, 9. Dezember
    2026"): ``date_format``, except that French writes the first day of a month "1er"."""
    if value in (None, ""):
        return ""
    code = language or translation.get_language() or "en"
    format_string = _pattern(style, code)
    if _language(code) == "fr" and value.day == 1:
        format_string = _ordinal_first_day(format_string)
    return date_format(value, format_string)


def _ordinal_first_day(format_string):
    """Adds an escaped "er" after each ``j`` (day of the month) of a date format."""
    out, escaped = [], False
    for char in format_string:
        out.append(char)
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "j":
            out.append(r"\e\r")
    return "".join(out)
