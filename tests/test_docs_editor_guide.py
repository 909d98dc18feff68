"""The editor guide states facts the code decides: it must change when they do.

Editors follow the guide to the letter: a document format it promises that the upload
refuses, or a repeat rule it shows that the admin rejects, costs them an afternoon.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from wagtail import hooks

from csti_cms.agenda import recurrence
from csti_cms.enquiries.ratelimit import DEFAULT_LIMIT, DEFAULT_PERIOD

DOCS = Path(__file__).resolve().parent.parent / "docs"
GUIDE_TEXT = (DOCS / "editor-guide.md").read_text()
#: The guide with its line breaks as spaces, so a phrase may wrap anywhere.
GUIDE = " ".join(GUIDE_TEXT.split())
#: A row of the guide's table of repeat rules: "| every Wednesday | `FREQ=WEEKLY;BYDAY=WE` |".
RULE_ROW = re.compile(r"^\| [^|]+ \| `(FREQ=[^`]+)` \|$", re.MULTILINE)
#: A link to a section of one of the docs: "(#opening-hours)", "(self-hosting.md#languages)".
SECTION_LINK = re.compile(r"\]\(([\w-]+\.md)?#([^)\s]+)\)")
#: A settings menu named in both admins: "**Settings → Ticketing** (*Paramètres → Billetterie*)".
SETTINGS_MENU = re.compile(r"\*\*Settings → ([^*]+)\*\* \(\*Paramètres → ([^*;]+)[*;]")


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
    assert (
        "erase your contact details and messages 2 years after your request or your visit, "
        "whichever is"
    ) in " ".join(GUIDE.split())


def heading_anchor(heading):
    """The anchor GitHub gives a heading: "Setting up a new centre" → "setting-up-a-new-centre"."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def doc_anchors(name):
    text = (DOCS / name).read_text()
    return {heading_anchor(h) for h in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}


def section_links(name):
    """``(doc, anchor)`` of each link ``name`` makes to a section, its own or another doc's."""
    text = (DOCS / name).read_text()
    return sorted({(doc or name, anchor) for doc, anchor in SECTION_LINK.findall(text)})


@pytest.mark.parametrize(
    ("doc", "anchor"),
    [
        *section_links("editor-guide.md"),
        *[link for link in section_links("self-hosting.md") if link[0] == "editor-guide.md"],
    ],
)
def test_links_to_the_guide_and_from_it_lead_to_a_section(doc, anchor):
    """A renamed heading leaves the links to it pointing at the top of the page."""
    assert anchor in doc_anchors(doc)


def settings_menu():
    """``{English label: French label}`` of the admin's Settings menu."""
    labels = {}
    for make_item in hooks.get_hooks("register_settings_menu_item"):
        label = make_item().label
        with translation.override("fr"):
            french = str(label)
        with translation.override("en"):
            labels[str(label)] = french
    return labels


def guide_settings_menus():
    return sorted(set(SETTINGS_MENU.findall(GUIDE)))


def test_guide_names_settings_menus_in_both_languages():
    assert {"Plugins", "Branding", "Contact details"} <= {en for en, _fr in guide_settings_menus()}


@pytest.mark.parametrize(("english", "french"), guide_settings_menus())
def test_settings_menus_are_named_as_the_admin_names_them(english, french):
    """French editors look for the menu the guide names: "Extensions", not "Plugins"."""
    assert settings_menu().get(english) == french
