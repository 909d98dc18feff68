"""A network's name kept in its own language is marked with it (WCAG 3.1.2, RGAA 8.7):
"The European Network of Science Centres and Museums" is read with an English voice on
French and Dutch pages."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from csti_cms.plugins.memberships.models import Organisation
from tests.conftest import demo_page

from .helpers import make_membership, make_organisation

pytestmark = pytest.mark.django_db

MEMBERSHIPS_PAGE = "memberships-page"
ECSITE_MEANING = "The European Network of Science Centres and Museums"


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_names_in_their_own_language_are_marked_with_it(client, language):
    html = client.get(demo_page(MEMBERSHIPS_PAGE, language).url).content.decode()
    assert 'lang="en">Ecsite</h3>' in html
    assert f'<p class="membership__meaning" lang="en">{ECSITE_MEANING}</p>' in html
    assert 'lang="nl">Vereniging Science Centra</h3>' in html


def test_a_name_in_the_page_language_is_not_marked(site):
    network = make_organisation("Réseau des centres", acronym="RCS", acronym_meaning="Réseau")
    html = render_to_string(
        "memberships/includes/membership.html", {"membership": make_membership(site, network)}
    )
    assert '-name">Réseau des centres (RCS)</h3>' in html
    assert '<p class="membership__meaning">Réseau</p>' in html


def test_what_is_no_language_code_is_refused():
    organisation = Organisation(name="Ecsite", scope="europe", name_language="English")
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean(exclude=["locale", "translation_key"])
    assert "name_language" in refused.value.message_dict


def test_the_language_is_not_translated_but_kept_by_each_translation():
    ecsite = make_organisation("Ecsite", acronym_meaning=ECSITE_MEANING, name_language="en")
    source, _created = TranslationSource.get_or_create_from_instance(ecsite)
    offered = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    assert ECSITE_MEANING in offered
    assert "en" not in offered

    source.create_or_update_translation(Locale.objects.get(language_code="nl"), fallback=True)
    dutch = ecsite.get_translation(Locale.objects.get(language_code="nl"))
    assert dutch.name_language == "en"


def test_editors_are_offered_the_site_languages(english_admin_client):
    response = english_admin_client.get(
        reverse("wagtailsnippets_memberships_organisation:add") + "?locale=fr"
    )
    html = response.content.decode()
    assert "Language of the name" in html
    assert 'list="id_name_language-languages"' in html
    assert '<option value="en">English</option>' in html


def test_the_networks_block_marks_a_name_in_its_own_language(site):
    """The home page's row of networks shows the acronym, or the logo whose text is the
    name: both are read in the name's language."""
    ecsite = make_organisation("Ecsite", name_language="en")
    local = make_organisation("Réseau des centres", acronym="RCS")
    memberships = [make_membership(site, ecsite), make_membership(site, local)]
    html = render_to_string(
        "memberships/blocks/networks.html",
        {
            "memberships": memberships,
            "memberships_page": demo_page(MEMBERSHIPS_PAGE, "fr"),
            "value": {"heading": ""},
        },
    )
    assert f'#network-{ecsite.translation_key}" lang="en">' in html
    assert f'#network-{local.translation_key}">' in html
