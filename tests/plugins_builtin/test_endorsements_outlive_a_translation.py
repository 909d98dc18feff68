"""Endorsements belong to a declaration in every language: deleting one translation of
the declaration, or a whole language's timeline, keeps those sent through its form."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from csti_cms.plugins.declarations.models import Endorsement
from tests.conftest import demo_page

from .helpers import MECHELEN, make_endorsement

pytestmark = pytest.mark.django_db

#: The demo's endorsements of Mechelen, all sent from the French page's form.
DEMO_ENDORSERS = {"Atelier Éprouvette", "Kijkdoos Wetenschapscentrum", "Sparkhouse Science Centre"}


def endorsers(declaration):
    return set(Endorsement.objects.of(declaration).public().values_list("organisation", flat=True))


def test_the_demo_endorsements_point_at_the_french_page():
    """The tests below delete the page the endorsements point at."""
    french = demo_page(MECHELEN, "fr")
    assert set(french.endorsements.values_list("organisation", flat=True)) == DEMO_ENDORSERS
    assert endorsers(demo_page(MECHELEN, "en")) == DEMO_ENDORSERS


def test_deleting_the_french_page_keeps_its_endorsements_for_the_other_languages():
    demo_page(MECHELEN, "fr").delete()
    dutch, english = demo_page(MECHELEN, "nl"), demo_page(MECHELEN, "en")
    assert endorsers(english) == endorsers(dutch) == DEMO_ENDORSERS
    assert set(dutch.endorsements.values_list("organisation", flat=True)) == DEMO_ENDORSERS


def test_endorsements_of_every_form_move_to_the_translation_left():
    dutch, english = demo_page(MECHELEN, "nl"), demo_page(MECHELEN, "en")
    make_endorsement(dutch, "Technopolis", language="nl")
    make_endorsement(english, "Science Gallery", language="en")
    sent = Endorsement.objects.of(english).count()
    Page.objects.filter(pk__in=[demo_page(MECHELEN, "fr").pk, dutch.pk]).delete()
    assert endorsers(english) == {*DEMO_ENDORSERS, "Technopolis", "Science Gallery"}
    assert english.endorsements.count() == Endorsement.objects.of(english).count() == sent
    # Each keeps the language its contact wrote in.
    technopolis = Endorsement.objects.get(organisation="Technopolis")
    assert technopolis.language == "nl"


def test_endorsements_move_to_a_live_translation_first():
    demo_page(MECHELEN, "nl").unpublish()
    demo_page(MECHELEN, "fr").delete()
    english = demo_page(MECHELEN, "en")
    assert set(english.endorsements.values_list("organisation", flat=True)) == DEMO_ENDORSERS


def test_deleting_the_french_timeline_keeps_the_endorsements_of_its_declarations():
    demo_page("declarations-index", "fr").delete()
    french = Page.objects.filter(translation_key=demo_page(MECHELEN, "nl").translation_key)
    assert not french.filter(locale__language_code="fr").exists()
    assert endorsers(demo_page(MECHELEN, "nl")) == DEMO_ENDORSERS
    index = demo_page("declarations-index", "en")
    counts = {declaration.pk: declaration.endorsement_count for declaration in index.timeline()}
    assert counts[demo_page(MECHELEN, "en").pk] == len(DEMO_ENDORSERS)


def test_endorsements_go_with_the_last_translation():
    french = demo_page(MECHELEN, "fr")
    key = french.translation_key
    for language in ("fr", "nl", "en"):
        demo_page(MECHELEN, language).delete()
    assert not Endorsement.objects.filter(declaration_key=key).exists()
    assert Endorsement.objects.exists()  # Other declarations keep theirs.


def test_an_editor_deleting_the_french_page_in_the_admin_keeps_the_english_endorsements(
    english_admin_client, client
):
    french = demo_page(MECHELEN, "fr")
    url = reverse("wagtailadmin_pages:delete", args=[french.pk])
    assert english_admin_client.get(url).status_code == 200
    assert english_admin_client.post(url).status_code == 302
    assert not Page.objects.filter(pk=french.pk).exists()
    html = client.get(demo_page(MECHELEN, "en").url).content.decode()
    assert 'data-count="3"' in html
    assert "Atelier Éprouvette" in html
