"""Every page type renders in every language, with every block, under strict tree rules."""

import pytest
from django.apps import apps
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from csti_cms.core.models import AudienceHubPage, ContentPage, HomePage
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db

PAGE_TYPES = [HomePage, ContentPage]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_renders_in_every_language(client, model, language):
    pages = model.objects.live().filter(locale__language_code=language)
    assert pages.exists(), f"the demo has a {model.__name__} in {language}"
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert f"<h1>{page.title}</h1>".replace("'", "&#x27;") in html


def test_every_block_renders(client, home_fr):
    image = demo_page("home").hero_image
    about = demo_page("about")
    page = home_fr.add_child(
        instance=ContentPage(
            title="Tous les blocs",
            slug="tous-les-blocs",
            body=[
                ("heading", {"text": "Préparer sa visite", "level": "h2"}),
                ("paragraph", "<p>Des <b>expériences</b> pour tous.</p>"),
                ("image", {"image": image, "alt_text": "Des enfants devant une maquette"}),
                ("call_to_action", {"title": "Réservez", "text": "", "link": {"page": about}}),
                ("card_grid", {"heading": "À voir", "cards": [{"page": about}]}),
                ("quote", {"quote": "Formidable !", "attribution": "Une enseignante"}),
                ("faq", {"questions": [{"question": "Parking ?", "answer": "<p>Oui.</p>"}]}),
                ("video", {"video": "https://video.example/watch/1", "title": "Le tour"}),
            ],
        )
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<h2 id="preparer-sa-visite"' in html
    assert "<b>expériences</b>" in html
    assert 'alt="Des enfants devant une maquette"' in html
    assert f'href="{about.url}"' in html
    assert "<summary>Parking ?</summary>" in html
    assert "Formidable !" in html
    # An embed the provider cannot resolve still leaves a link to the video.
    assert 'href="https://video.example/watch/1"' in html


def test_image_block_requires_alt_text():
    from wagtail.blocks.struct_block import StructBlockValidationError

    from csti_cms.blocks import ImageBlock

    block = ImageBlock()
    image = demo_page("home").hero_image
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": ""}))


@pytest.mark.django_db
def test_link_needs_exactly_one_target():
    from wagtail.blocks.struct_block import StructBlockValidationError

    from csti_cms.blocks import LinkBlock

    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as neither:
        block.clean(block.to_python({"page": None, "external_url": "", "label": "Go"}))
    with pytest.raises(StructBlockValidationError) as both:
        value = {"page": demo_page("about").pk, "external_url": "https://example.org"}
        block.clean(block.to_python(value))
    # Each mistake is named as it is: an editor who gave no target is not told "not both".
    [empty] = neither.value.block_errors["page"]
    assert "give the address of another website" in empty
    [two] = both.value.block_errors["page"]
    assert two.endswith("not both.")


class TestPageTree(WagtailPageTestCase):
    """Core page types list their own children; other apps attach theirs by naming a
    core page type in their own ``parent_page_types``, never the other way round."""

    def assertChildrenChoseParent(self, parent, own_children):
        children = set(parent.clean_subpage_models())
        self.assertLessEqual(own_children, children)
        for child in children - own_children:
            self.assertIn(parent, child.clean_parent_page_models(), child)

    def test_home_pages_sit_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertChildrenChoseParent(HomePage, {ContentPage})

    def test_every_section_goes_where_a_content_page_goes(self):
        """Editors find the same places for every section, the plugins' ones included."""
        from csti_cms.plugins.declarations.models import DeclarationIndexPage
        from csti_cms.plugins.memberships.models import MembershipsPage
        from csti_cms.schools.models import SchoolActivityIndexPage
        from csti_cms.venues.models import VenueSpaceIndexPage
        from csti_cms.visit.models import ExhibitionIndexPage, PracticalInfoPage

        sections = [
            SchoolActivityIndexPage,
            VenueSpaceIndexPage,
            ExhibitionIndexPage,
            PracticalInfoPage,
            DeclarationIndexPage,
            MembershipsPage,
        ]
        for section in sections:
            with self.subTest(section=section.__name__):
                self.assertAllowedParentPageTypes(section, {HomePage, AudienceHubPage, ContentPage})

    def test_content_pages_sit_under_home_hub_or_content_pages(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, AudienceHubPage, ContentPage})
        self.assertCanCreateAt(AudienceHubPage, ContentPage)
        self.assertChildrenChoseParent(ContentPage, {ContentPage})
        self.assertCanNotCreateAt(Page, ContentPage)


def test_audience_tags_select_pages_and_follow_translations():
    from csti_cms.core.audiences import Audience, audience_q

    for language in LANGUAGES:
        for_schools = ContentPage.objects.live().filter(
            audience_q(Audience.SCHOOLS), locale__language_code=language
        )
        assert demo_page("schools", language).pk in {page.pk for page in for_schools}
        assert demo_page("venue-hire", language).pk not in {page.pk for page in for_schools}
    assert demo_page("schools", "nl").audiences == [Audience.SCHOOLS]


@pytest.mark.parametrize(
    ("model", "image_field", "alt_text_field"),
    [
        ("csti_core.HomePage", "hero_image", "hero_alt_text"),
        ("csti_core.AudienceHubPage", "hero_image", "hero_alt_text"),
        ("csti_agenda.EventPage", "image", "image_alt_text"),
        ("csti_visit.ExhibitionPage", "image", "image_alt_text"),
        ("csti_schools.SchoolActivityPage", "image", "image_alt_text"),
        ("csti_venues.VenueSpacePage", "image", "image_alt_text"),
    ],
)
def test_every_page_image_requires_its_alternative_text(model, image_field, alt_text_field):
    page = apps.get_model(model)(title="Page", slug="page")
    setattr(page, image_field, get_image_model().objects.first())
    setattr(page, alt_text_field, "  ")
    assert alt_text_field in page.validation_errors()
    setattr(page, alt_text_field, "Des enfants devant une maquette")
    assert alt_text_field not in page.validation_errors()
