"""No heading takes an id the page templates give an element of their own."""

import re
import uuid
from pathlib import Path

import pytest
import wagtail

import csti_cms
from csti_cms.blocks.reserved_ids import is_reserved_id
from csti_cms.blocks.text import heading_anchor
from tests.conftest import demo_page

TEMPLATE_ROOTS = [
    Path(csti_cms.__file__).parent,
    # The userbar Wagtail shows editors on public pages.
    Path(wagtail.__file__).parent / "admin" / "templates" / "wagtailadmin" / "userbar",
]
#: ``id="..."`` attributes, and the ids ``json_script`` gives the data it writes.
ID = re.compile(r'\bid="([^"]*)"|json_script:"([^"]*)"')
VARIABLE = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")
#: Values the variables in template ids take, as a page gives them.
SAMPLES = {
    "declaration.pk": ["7", "12345"],
    "organisation.translation_key": [str(uuid.UUID(int=0)), str(uuid.uuid4())],
    "group.scope.value": ["world", "linguistic"],
    "filter_form.age.auto_id": ["id_age"],
}
#: The headings' own id, made by heading_anchor.
HEADING_IDS = {"{{ anchor }}"}


def template_ids():
    """Every id written in the templates: ``(template, id as written)``."""
    for root in TEMPLATE_ROOTS:
        for template in sorted(root.rglob("templates/**/*.html")) + sorted(root.glob("*.html")):
            for match in ID.finditer(template.read_text(encoding="utf-8")):
                written = match[1] if match[1] is not None else match[2]
                if written not in HEADING_IDS:
                    yield template.relative_to(root.parent), written


def examples(written):
    """The ids an id written with variables gives, one per sample value."""
    names = VARIABLE.findall(written)
    unknown = [name for name in names if name not in SAMPLES]
    assert not unknown, f"add sample values of {unknown} here and a pattern to reserved_ids"
    count = max((len(SAMPLES[name]) for name in names), default=1)
    return [
        VARIABLE.sub(lambda match, i=i: SAMPLES[match[1]][i % len(SAMPLES[match[1]])], written)
        for i in range(count)
    ]


def test_the_templates_are_found():
    ids = {written for _template, written in template_ids()}
    assert {"main-content", "footer-contact", "hours", "wagtail-userbar-template"} <= ids


def test_every_id_the_templates_give_is_reserved():
    unreserved = [
        (str(template), example)
        for template, written in template_ids()
        for example in examples(written)
        if not is_reserved_id(example)
    ]
    assert unreserved == [], "add them to csti_cms/blocks/reserved_ids.py"


def test_no_template_id_is_in_the_headings_section_namespace():
    """Headings that would take a reserved id become ``section-``: no template may use it."""
    found = [written for _template, written in template_ids() if written.startswith("section")]
    assert found == []


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("Main content", "section-main-content"),
        ("Hours", "section-hours"),
        ("Prices", "section-prices"),
        ("Accessibility", "section-accessibility"),
        ("Footer: contact", "section-footer-contact"),
        ("Déclaration 12", "section-declaration-12"),
        ("id_email", "section-id_email"),
    ],
)
def test_a_heading_named_like_a_template_id_gets_another(text, anchor):
    assert heading_anchor(text, set()) == anchor


def test_words_merely_near_a_template_id_keep_their_anchor():
    """Links already made to such headings still land."""
    assert heading_anchor("Déclaration de Toronto", set()) == "declaration-de-toronto"
    assert heading_anchor("Opening hours", set()) == "opening-hours"


def test_repeated_headings_never_land_on_a_template_id():
    taken = set()
    texts = ["Declaration", "Declaration", "Declaration", "Hours", "Hours", "Section hours"]
    anchors = [heading_anchor(text, taken) for text in texts]
    assert anchors == [
        "declaration",
        "section-declaration-2",
        "section-declaration-3",
        "section-hours",
        "hours-2",
        "section-hours-2",
    ]
    assert not any(is_reserved_id(anchor) for anchor in anchors)


@pytest.mark.django_db
def test_a_page_keeps_its_skip_link_target_unique(client):
    about = demo_page("about").specific
    about.body = [("heading", {"text": text, "level": "h2"}) for text in ["Main content", "Hours"]]
    about.save_revision().publish()
    html = client.get(about.url).content.decode()
    assert html.count('id="main-content"') == 1
    assert 'href="#main-content"' in html
    assert 'id="section-main-content" class="block-heading"' in html
    assert 'id="section-hours" class="block-heading"' in html
