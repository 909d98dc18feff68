"""Test kit for plugin authors: pytest fixtures and the contract every plugin passes.

In a plugin's ``conftest.py``::

    pytest_plugins = ["csti_cms.plugins.testing"]

and in its tests::

    from csti_cms.plugins.testing import PluginContractTests

    class TestContract(PluginContractTests):
        plugin_label = "quiz"

        def create_page(self, parent):
            return parent.add_child(instance=QuizPage(title="Quiz", slug="quiz"))

        slot_block = ("quiz_question", {"question": "Why is the sky blue?", "answer": "..."})

The fixtures make two independent Wagtail sites, ``site`` and ``other_site``,
each with its own home page, so tests can prove that switching a plugin on one
site changes nothing on the other.

A plugin whose templates give elements ids of their own declares them in its config,
and proves none is forgotten::

    def test_template_ids_are_reserved():
        assert undeclared_template_ids("quiz", samples={"question.pk": ["7"]}) == []
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from csti_cms.blocks.reserved_ids import CORE, ReservedIds
from csti_cms.core.models import ContentPage, HomePage

from . import state


def make_site(hostname):
    """A site of its own: a home page under the root, answering on ``hostname``."""
    root = Page.get_first_root_node()
    slug = hostname.replace(".", "-")
    home = root.add_child(
        instance=HomePage(title=f"Home of {hostname}", slug=slug, locale=Locale.get_default())
    )
    home.save_revision().publish()
    return Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=hostname)


@pytest.fixture
def site(db):
    return make_site("site-a.test")


@pytest.fixture
def other_site(db):
    return make_site("site-b.test")


@pytest.fixture
def enable_plugin(db):
    def enable(label, site):
        state.enable(label, site)

    return enable


@pytest.fixture
def disable_plugin(db):
    def disable(label, site):
        state.disable(label, site)

    return disable


def get_page(client, page, site):
    """GET ``page`` as a visitor of ``site`` (by its host name)."""
    _site_id, _root_url, path = page.specific.get_url_parts()
    return client.get(path, HTTP_HOST=site.hostname)


def render_body_on(client, site, block_type, value):
    """Publish a content page on ``site`` whose body holds one block; return its HTML."""
    home = site.root_page.specific
    page = home.add_child(
        instance=ContentPage(
            title="Block check",
            slug=f"block-check-{block_type}".replace("_", "-"),
            body=[{"type": block_type, "value": value}],
        )
    )
    page.save_revision().publish()
    return page, get_page(client, page, site).content.decode()


#: ``id="..."`` and ``id='...'`` attributes, and the ids ``json_script`` gives the data it
#: writes.
TEMPLATE_ID = re.compile(r"""\bid=(?:"([^"]*)"|'([^']*)')|json_script:(?:"([^"]*)"|'([^']*)')""")
#: A variable written in an id, ``quiz-{{ question.pk }}``.
TEMPLATE_VARIABLE = re.compile(r"\{\{\s*([^}]*?)\s*\}\}")


def template_ids(templates):
    """Every id the ``templates`` (paths) write: ``(template, id as written)``."""
    for template in templates:
        for match in TEMPLATE_ID.finditer(Path(template).read_text(encoding="utf-8")):
            yield template, next(group for group in match.groups() if group is not None)


def id_examples(written, samples):
    """The ids an id written with variables gives, one per sample value of its variables.

    ``samples`` maps each variable, as written, to values a page gives it.
    """
    if "{%" in written:
        raise ValueError(
            f"the id {written!r} is built with a template tag: reserve the ids it can give "
            "with a pattern (reserved_id_patterns) and leave it out of this check"
        )
    names = TEMPLATE_VARIABLE.findall(written)
    unknown = [name for name in names if name not in samples]
    if unknown:
        raise ValueError(
            f"the id {written!r} needs sample values of {', '.join(unknown)}: give them in samples"
        )
    count = max((len(samples[name]) for name in names), default=1)
    return [
        TEMPLATE_VARIABLE.sub(
            lambda match, i=i: str(samples[match[1]][i % len(samples[match[1]])]), written
        )
        for i in range(count)
    ]


def undeclared_template_ids(label, samples=None):
    """The ids plugin ``label``'s templates give elements and its config does not reserve.

    Returns ``(template, id)`` pairs: a heading could take those ids. An id written with
    variables is tried with each value ``samples`` gives them (``{"question.pk": ["7"]}``),
    which one of its ``reserved_id_patterns`` must match. The core's own reservations
    (Django's form field ids, ``id_...``) count.
    """
    config = apps.get_app_config(label)
    reserved = CORE | ReservedIds(config.reserved_ids, config.reserved_id_patterns)
    templates = sorted(Path(config.path).rglob("templates/**/*.html"))
    return [
        (str(template.relative_to(config.path)), example)
        for template, written in template_ids(templates)
        for example in id_examples(written, samples or {})
        if example not in reserved
    ]


@pytest.mark.django_db
class PluginContractTests:
    """What every plugin must do. Subclass it and fill in the blanks.

    ``plugin_label``
        The plugin's label.
    ``create_page(parent)``
        Create and return (saved, not necessarily published) a page of one of the
        plugin's page types under ``parent``, a home page. Leave it returning None
        for a plugin without page types.
    ``slot_block``
        ``(block type, raw value)`` of a block the plugin adds to the ``body`` slot,
        or None; ``slot_block_text`` is a piece of its rendered HTML.
    """

    plugin_label = None
    slot_block = None
    slot_block_text = None

    def create_page(self, parent):
        return None

    def _published_page(self, site):
        page = self.create_page(site.root_page.specific)
        if page is not None:
            page.save_revision().publish()
        return page

    def test_migrations_are_clean(self):
        call_command("makemigrations", self.plugin_label, check=True, dry_run=True, verbosity=0)

    def test_pages_answer_404_where_the_plugin_is_off(
        self, client, site, enable_plugin, disable_plugin
    ):
        enable_plugin(self.plugin_label, site)
        page = self._published_page(site)
        if page is None:
            pytest.skip("the plugin has no page types")
        assert get_page(client, page, site).status_code == 200
        disable_plugin(self.plugin_label, site)
        assert get_page(client, page, site).status_code == 404
        enable_plugin(self.plugin_label, site)
        assert get_page(client, page, site).status_code == 200

    def test_page_types_are_creatable_only_where_the_plugin_is_on(
        self, site, other_site, enable_plugin
    ):
        enable_plugin(self.plugin_label, site)
        page = self.create_page(site.root_page.specific)
        if page is None:
            pytest.skip("the plugin has no page types")
        page_type = type(page.specific)
        # Asked on the other site, where no page exists yet, so page types limited to
        # one per parent are judged on the switch alone.
        assert not page_type.can_create_at(other_site.root_page.specific)
        enable_plugin(self.plugin_label, other_site)
        assert page_type.can_create_at(other_site.root_page.specific)

    def test_slot_block_is_described_completely(self):
        if self.slot_block:
            assert self.slot_block_text, "set slot_block_text: a piece of the block's HTML"

    def test_nothing_leaks_between_sites(self, client, site, other_site, enable_plugin):
        enable_plugin(self.plugin_label, site)
        here = self._published_page(site)
        if here is not None:
            # The same content on the other site, put there while the plugin was on
            # everywhere, must not be served there once it is off there.
            enable_plugin(self.plugin_label, other_site)
            there = self._published_page(other_site)
            state.disable(self.plugin_label, other_site)
            assert get_page(client, here, site).status_code == 200
            assert get_page(client, there, other_site).status_code == 404
        if self.slot_block:
            block_type, value = self.slot_block
            _page, html_here = render_body_on(client, site, block_type, value)
            _page, html_there = render_body_on(client, other_site, block_type, value)
            assert self.slot_block_text in html_here
            assert self.slot_block_text not in html_there

    def test_switching_is_idempotent(self, site, enable_plugin, disable_plugin):
        for _ in range(2):
            enable_plugin(self.plugin_label, site)
        assert state.is_enabled(self.plugin_label, site)
        for _ in range(2):
            disable_plugin(self.plugin_label, site)
        assert not state.is_enabled(self.plugin_label, site)
