"""Every heading of a page gets an anchor of its own, in any script."""

import re

import pytest

from csti_cms.blocks.text import heading_anchor
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

ANCHOR = re.compile(r'<h[23] id="([^"]*)" class="block-heading">')


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("Plan your visit", "plan-your-visit"),
        ("Horaires d’été", "horaires-dete"),
        ("مواعيد الزيارة", "مواعيد-الزيارة"),
        ("🔭🌍", "section-1"),
    ],
)
def test_an_anchor_reads_like_its_heading_in_its_own_script(text, anchor):
    assert heading_anchor(text, set()) == anchor


def test_a_heading_written_twice_gets_a_numbered_anchor_the_second_time():
    taken = set()
    assert [heading_anchor(text, taken) for text in ["Tarifs", "Tarifs", "🎟", "🎟"]] == [
        "tarifs",
        "tarifs-2",
        "section-1",
        "section-2",
    ]


def test_a_page_gives_no_anchor_twice_and_none_empty(client):
    about = demo_page("about").specific
    headings = ["Tarifs", "مواعيد الزيارة", "🔭", "Tarifs", "🔭"]
    about.body = [("heading", {"text": text, "level": "h2"}) for text in headings]
    about.save_revision().publish()
    anchors = ANCHOR.findall(client.get(about.url).content.decode())
    assert anchors == ["tarifs", "مواعيد-الزيارة", "section-1", "tarifs-2", "section-2"]


def test_ligatures_are_written_out_in_anchors():
    assert heading_anchor("Le cœur du musée", set()) == "le-coeur-du-musee"
    assert heading_anchor("Œuvres et Straße", set()) == "oeuvres-et-strasse"
