"""The editor guide states facts the code decides: it must change when they do.

Editors follow the guide to the letter: a document format it promises that the upload
refuses, or a repeat rule it shows that the admin rejects, costs them an afternoon.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from csti_cms.agenda import recurrence
from csti_cms.enquiries.ratelimit import DEFAULT_LIMIT, DEFAULT_PERIOD

GUIDE_TEXT = (Path(__file__).resolve().parent.parent / "docs" / "editor-guide.md").read_text()
#: The guide with its line breaks as spaces, so a phrase may wrap anywhere.
GUIDE = " ".join(GUIDE_TEXT.split())
#: A row of the guide's table of repeat rules: "| every Wednesday | `FREQ=WEEKLY;BYDAY=WE` |".
RULE_ROW = re.compile(r"^\| [^|]+ \| `(FREQ=[^`]+)` \|$", re.MULTILINE)


def guide_rules():
    return RULE_ROW.findall(GUIDE_TEXT)


def names_format(extension):
    """Whether the guide names a file format, as ".docx" or as "PDF"."""
    return f".{extension}" in GUIDE or re.search(rf"\b{extension.upper()}\b", GUIDE) is not None


@pytest.mark.parametrize("extension", settings.WAGTAILDOCS_EXTENSIONS)
def test_guide_names_each_accepted_document_format(extension):
    assert names_format(extension)


def test_formats_the_guide_calls_refused_are_refused():
    assert "(.doc, .xls, .ppt) are refused" in GUIDE
    assert not {"doc", "xls", "ppt"} & set(settings.WAGTAILDOCS_EXTENSIONS)


def test_guide_shows_repeat_rules():
    assert len(guide_rules()) >= 5


@pytest.mark.parametrize("rule", guide_rules())
def test_guide_repeat_rules_are_accepted(rule):
    assert recurrence.normalise_rule(rule) == rule


def test_guide_says_how_far_ahead_repeating_dates_are_listed():
    assert f"({recurrence.HORIZON.days} days," in GUIDE


def test_guide_states_the_forms_allowance():
    assert DEFAULT_PERIOD == 3600
    assert f"up to {DEFAULT_LIMIT} requests an hour" in GUIDE


def test_guide_states_how_long_requests_keep_personal_details():
    days = settings.CSTI_REQUEST_RETENTION_DAYS
    assert days == 730
    assert f"Two years after a request arrives ({days} days," in GUIDE
    assert "erase your contact details and messages 2 years after you send it" in GUIDE
