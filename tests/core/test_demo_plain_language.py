"""The demo is the model editors copy: it says each fact once, where the site keeps it, in
short sentences that a visitor who reads with difficulty can follow, in every language.

These read the content files, not the database: they hold for whatever day the demo loads.
"""

import json
import re

import pytest
from django.conf import settings

#: The pages most visitors read first: home, visiting, schools, practical information.
MOST_VISIBLE = (
    "home",
    "plan-your-visit",
    "hub-visitors",
    "practical-info",
    "schools",
    "hub-schools",
    "school-activities",
)
#: Over this, a sentence is hard to follow for a reader with difficulties.
LONGEST_SENTENCE = 25


def demo_files():
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(settings.CSTI_DEMO_CONTENT_DIR.glob("*.json"))
    }


def demo_items():
    for data in demo_files().values():
        yield from data.get("pages", [])
        yield from data.get("snippets", [])


def item(key):
    return next(found for found in demo_items() if found["key"] == key)


def translated_values(data):
    """Every ``{"fr", "nl", "en"}`` text of ``data``, however deeply nested."""
    if isinstance(data, dict):
        if set(data) == {"fr", "nl", "en"} and all(isinstance(v, str) for v in data.values()):
            yield data
            return
        for value in data.values():
            yield from translated_values(value)
    elif isinstance(data, list):
        for value in data:
            yield from translated_values(value)


def sentences(text):
    """The sentences of a value: HTML elements and end punctuation separate them."""
    for piece in re.split(r"<[^>]+>", text):
        yield from (s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«“‘])", piece) if s.strip())


@pytest.mark.parametrize("key", MOST_VISIBLE)
def test_the_most_visible_pages_keep_sentences_short(key):
    long = [
        f"{language} ({len(sentence.split())} words): {sentence}"
        for value in translated_values(item(key))
        for language, text in value.items()
        for sentence in sentences(text)
        if len(sentence.split()) > LONGEST_SENTENCE
    ]
    assert long == []


def test_the_visit_page_shows_the_sites_hours_rather_than_typing_them():
    """Hours typed in prose ("open every day, Monday included") contradicted the calendar."""
    page = item("plan-your-visit")
    assert "opening_hours" in [block["type"] for block in page["body"]]
    typed_hours = re.compile(r"\d{1,2}[ \u00a0]?(h|uur|:\d\d)\b.*\b(à|tot|to)\b")
    for value in translated_values(page["body"]):
        for language, text in value.items():
            assert not typed_hours.search(text), (language, text)
            assert not re.search(r"lundi|maandag|Monday", text), (language, text)


def test_step_free_access_is_said_once_where_the_accessibility_facts_are():
    """One page says which places of the visit have steps; another repeating it drifted
    apart ("all our exhibitions are step-free" beside "the lab has two steps")."""
    saying_it = {
        found["key"]
        for found in demo_items()
        for value in translated_values(found)
        if "plain-pied" in value["fr"] and "expositions" in value["fr"]
    }
    assert saying_it == {"practical-info"}


def test_a_place_with_a_ramp_for_its_steps_is_marked_accessible():
    """A place cannot be "not accessible" and have "a ramp placed on request"."""
    with_a_ramp = [
        found
        for found in demo_items()
        if "rampe" in found.get("fields", {}).get("accessibility", {}).get("fr", "")
    ]
    assert with_a_ramp, "the lab's activity and the lab itself tell of their ramp"
    assert all(found["fields"]["wheelchair_accessible"] is True for found in with_a_ramp)


def test_article_27_is_explained_where_it_is_named():
    """Visitors outside Belgium's French-speaking cultural sector do not know Article 27."""
    naming_it = [
        list(translated_values(found))
        for found in demo_items()
        if any("Article 27" in value["fr"] for value in translated_values(found))
    ]
    assert naming_it
    words = {"fr": "association belge", "nl": "Belgische vereniging", "en": "Belgian association"}
    for values in naming_it:
        for language, word in words.items():
            assert any(word in value[language] for value in values), (language, values)


def test_pages_for_schools_give_the_schools_teams_address():
    recipients = demo_files()["content.json"]["site_settings"]
    (school_team,) = {
        address
        for settings_of_model in recipients.values()
        for name, address in settings_of_model.items()
        if name == "school_booking_recipients"
    }
    school_pages = [
        *demo_files()["schools.json"]["pages"],
        item("schools"),
        item("hub-schools"),
    ]
    text = json.dumps(school_pages, ensure_ascii=False)
    assert school_team in text
    assert "info@" not in text


def test_download_titles_leave_the_file_type_to_the_site():
    """The site adds "(PDF, 146 kB)" after each title: a title saying "(PDF)" reads it twice."""
    file_type = re.compile(r"\((pdf|docx?|xlsx?|pptx?|odt|zip)\)", re.IGNORECASE)
    titles = [
        text
        for found in demo_items()
        for block in found.get("body", []) + [{"value": found.get("fields", {})}]
        for value in translated_values(block["value"])
        for text in value.values()
        if file_type.search(text)
    ]
    assert titles == []
