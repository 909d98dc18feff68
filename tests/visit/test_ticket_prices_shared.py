"""A ticket costs the same in every language, and each centre lists its own prices.

The price, order and site of a ticket category are written once: saving any version of it
writes them to the others, so a new price shows at once on the French, Dutch and English
practical information pages, cached or not. A centre added next to the demo lists none of
Curiosa's prices, and the practical information page leaves out what it has nothing to say of.
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import Site
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation

from csti_cms.core.centres import add_centre
from csti_cms.core.demo_content import stable_uuid
from csti_cms.visit.models import OpeningHours, TicketCategory
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db

ADULT = stable_uuid("snippet", "ticket-adult")
#: The adult price as each language writes it once it is 13.50 euros.
NEW_PRICE = {"fr": "13,50", "nl": "13,50", "en": "13.50"}
OLD_PRICE = {"fr": "12,00", "nl": "12,00", "en": "12.00"}


@pytest.fixture
def page_cache(settings):
    settings.CSTI_PAGE_CACHE_SECONDS = 60


def adult(language):
    return TicketCategory.objects.get(translation_key=ADULT, locale__language_code=language)


def practical_info(client, language):
    response = client.get(demo_page("practical-info", language).url)
    assert response.status_code == 200
    return response.content.decode()


def edit_in_the_admin(admin_client, category, **changes):
    """Save ``category`` through the snippet edit view, as an editor does."""
    data = {
        "name": category.name,
        "conditions": category.conditions,
        "price": str(category.price),
        "sort_order": str(category.sort_order),
        "site": str(category.site_id or ""),
        **changes,
    }
    url = reverse("wagtailsnippets_csti_visit_ticketcategory:edit", args=[category.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_price_saved_in_the_admin_shows_at_once_in_every_language(
    client, admin_client, page_cache
):
    for language in LANGUAGES:
        # Kept in the page cache with the old price.
        assert OLD_PRICE[language] in practical_info(client, language)
    edit_in_the_admin(admin_client, adult("fr"), price="13.50")
    for language in LANGUAGES:
        assert adult(language).price == Decimal("13.50")
        html = practical_info(client, language)
        assert NEW_PRICE[language] in html
        assert OLD_PRICE[language] not in html


def test_order_and_site_are_shared_too(admin_client):
    other = Site.objects.create(hostname="second.example", root_page=demo_page("home"))
    edit_in_the_admin(admin_client, adult("fr"), sort_order="7", site=str(other.pk))
    for language in LANGUAGES:
        assert (adult(language).sort_order, adult(language).site_id) == (7, other.pk)


def test_a_plain_save_shares_the_price_and_keeps_each_languages_words():
    names = {language: adult(language).name for language in LANGUAGES}
    source = adult("fr")
    source.price = Decimal("14")
    source.save()
    for language in LANGUAGES:
        assert adult(language).price == Decimal("14")
        assert adult(language).name == names[language]


def test_saving_a_translation_changes_no_words_of_the_others():
    before = {language: adult(language) for language in LANGUAGES}
    english = adult("en")
    english.name, english.conditions = "Grown-up", "Over 18"
    english.save()
    for language in ("fr", "nl"):
        after = adult(language)
        assert (after.name, after.conditions) == (
            before[language].name,
            before[language].conditions,
        )
        assert after.price == before[language].price


def test_a_translation_whose_sync_was_stopped_shares_its_price():
    """Stopping the sync makes the Dutch version editable as any snippet, price included."""
    Translation.objects.filter(source__object_id=ADULT, target_locale__language_code="nl").update(
        enabled=False
    )
    dutch = adult("nl")
    dutch.price = Decimal("15")
    dutch.save()
    assert {adult(language).price for language in LANGUAGES} == {Decimal("15")}
    assert adult("fr").name == "Adulte"


def test_publishing_a_translation_keeps_the_new_price(admin_client):
    """The translation editor publishes from its copy of the source, taken before the change."""
    edit_in_the_admin(admin_client, adult("fr"), price="13.50")
    translation = Translation.objects.get(
        source__object_id=ADULT, target_locale__language_code="nl"
    )
    translation.save_target(publish=True)
    assert {adult(language).price for language in LANGUAGES} == {Decimal("13.50")}
    assert {adult(language).site_id for language in LANGUAGES} == {adult("fr").site_id}


def test_the_translation_editor_does_not_offer_shared_fields():
    fields = {field.field_name: field for field in get_translatable_fields(TicketCategory)}
    for name in ("price", "sort_order", "site"):
        assert fields[name].is_synchronized(adult("fr"))
        assert not fields[name].is_overridable(adult("fr"))


def test_the_demo_categories_belong_to_the_demo_site():
    demo = Site.objects.get(is_default_site=True)
    demo_keys = TicketCategory.objects.filter(translation_key=ADULT)
    assert {category.site for category in demo_keys} == {demo}


def test_a_new_centre_lists_none_of_the_demo_prices():
    centre = add_centre("Technopolis", "www.technopolis.be", 443, "nl")
    assert TicketCategory.for_site(centre.site, "nl") == []
    # A category without a site is shared by every centre, as the editor guide says.
    shared = TicketCategory.objects.create(
        name="Gratis", price=Decimal("0"), locale=centre.home.locale
    )
    assert TicketCategory.for_site(centre.site, "nl") == [shared]
    assert shared in TicketCategory.for_site(Site.objects.get(is_default_site=True), "nl")


def test_sections_with_nothing_to_show_are_left_out(client):
    page = demo_page("practical-info", "en")
    html = practical_info(client, "en")
    assert 'id="hours-title"' in html and 'id="accessibility-title"' in html
    OpeningHours.objects.filter(site=Site.objects.get(is_default_site=True)).delete()
    page.wheelchair_access, page.accessibility_aids, page.accessibility_notes = "", [], ""
    page.quiet_hours = []
    page.save_revision().publish()
    html = practical_info(client, "en")
    assert 'id="hours-title"' not in html and 'href="#hours"' not in html
    assert 'id="accessibility-title"' not in html and 'href="#accessibility"' not in html
    # The prices are still there, and so is the link to them.
    assert 'id="prices-title"' in html and 'href="#prices"' in html
