"""No heading takes an id the page templates give an element of their own."""

import uuid
from pathlib import Path

import pytest
import wagtail

import csti_cms
from csti_cms.blocks.reserved_ids import CORE, is_reserved_id
from csti_cms.blocks.text import heading_anchor
from csti_cms.plugins.registration import plugins
from csti_cms.plugins.testing import id_examples, template_ids, undeclared_template_ids
from tests.conftest import demo_page

CORE_ROOT = Path(csti_cms.__file__).parent
#: The userbar Wagtail shows editors on public pages.
USERBAR = Path(wagtail.__file__).parent / "admin" / "templates" / "wagtailadmin" / "userbar"
#: Values the variables in template ids take, as a page gives them.
SAMPLES = {
    "declaration.pk": ["7", "12345"],
    "organisation.translation_key": [str(uuid.UUID(int=0)), str(uuid.uuid4())],
    "group.scope.value": ["world", "linguistic"],
    "filter_form.age.auto_id": ["id_age"],
    "notice_id": [uuid.uuid4().hex[:12]],
}
#: The headings' own id, made by heading_anchor.
HEADING_IDS = {"{{ anchor }}"}
PLUGIN_LABELS = sorted(config.label for config in plugins())


def plugin_templates():
    """Every installed plugin's templates."""
    return [
        template
        for config in plugins()
        for template in sorted(Path(config.path).rglob("templates/**/*.html"))
    ]


def core_templates():
    """The core's templates and Wagtail's userbar, without any plugin's, nor the admin
    screens' (in an ``admin`` folder: no heading of a page is ever shown beside them)."""
    of_plugins = set(plugin_templates())
    found = sorted(CORE_ROOT.rglob("templates/**/*.html")) + sorted(USERBAR.glob("*.html"))
    return [t for t in found if t not in of_plugins and "admin" not in t.parent.parts[-1:]]


def core_template_ids():
    """Every id the core's templates write, but the headings': ``(template, id as written)``."""
    for template, written in template_ids(core_templates()):
        if written not in HEADING_IDS:
            root = CORE_ROOT if template.is_relative_to(CORE_ROOT) else USERBAR
            yield template.relative_to(root.parent), written


def test_the_templates_are_found():
    ids = {written for _template, written in core_template_ids()}
    assert {"main-content", "footer-contact", "hours", "wagtail-userbar-template"} <= ids
    assert {"declarations", "memberships", "quiz"} <= set(PLUGIN_LABELS)


def test_every_id_the_core_templates_give_is_reserved_by_the_core():
    unreserved = [
        (str(template), example)
        for template, written in core_template_ids()
        for example in id_examples(written, SAMPLES)
        if example not in CORE
    ]
    assert unreserved == [], "add them to csti_cms/blocks/reserved_ids.py"


@pytest.mark.parametrize("label", PLUGIN_LABELS)
def test_every_id_a_plugins_templates_give_is_reserved_by_the_plugin(label):
    assert undeclared_template_ids(label, SAMPLES) == [], (
        f"add them to the reserved_ids or reserved_id_patterns of the plugin {label!r}"
    )


def test_no_template_id_is_in_the_headings_section_namespace():
    """Headings that would take a reserved id become ``section-``: no template may use it."""
    templates = core_templates() + plugin_templates()
    found = [
        written for _template, written in template_ids(templates) if written.startswith("section")
    ]
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
