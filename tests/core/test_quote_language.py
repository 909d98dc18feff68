"""A quote in another language than the page's is marked with it (WCAG 3.1.2, RGAA 8.7),
so screen readers read a Dutch testimony on a French page with a Dutch voice."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    TranslationSource,
)

from csti_cms.blocks.text import QuoteBlock
from csti_cms.core.language_tags import LanguageTagInput
from tests.conftest import demo_page

TESTIMONY = {
    "quote": "Mijn leerlingen praten er nog weken later over.",
    "attribution": "Anouk Peeters",
    "role": "leerkracht",
}


def rendered(value):
    block = QuoteBlock()
    return block.render(block.to_python(value))


def test_a_quote_in_another_language_is_marked_with_it_its_attribution_is_not():
    html = rendered({**TESTIMONY, "language": "nl"})
    assert '<blockquote lang="nl"><p>Mijn leerlingen' in html
    assert "<figcaption>Anouk Peeters, " in html, "a name and a role read in the page's voice"


@pytest.mark.parametrize("language", [None, ""])
def test_a_quote_in_the_page_language_or_stored_before_has_no_lang(language):
    stored = dict(TESTIMONY) if language is None else {**TESTIMONY, "language": language}
    html = rendered(stored)
    assert "<blockquote><p>Mijn leerlingen" in html
    assert "lang=" not in html


@pytest.mark.parametrize("code", ["de", "nl", "pt-BR", "zh-Hant-TW", "es-419", "sfb", ""])
def test_language_codes_editors_write_are_accepted(code):
    cleaned = QuoteBlock().clean(QuoteBlock().to_python({**TESTIMONY, "language": code}))
    assert cleaned["language"] == code


@pytest.mark.parametrize("code", ["Dutch", "nederlands", "n", "pt_BR", "nl-", "fr nl"])
def test_what_is_no_language_code_is_refused(code):
    with pytest.raises(ValidationError):
        QuoteBlock().clean(QuoteBlock().to_python({**TESTIMONY, "language": code}))


def test_the_site_languages_are_offered_and_any_other_can_be_typed():
    html = LanguageTagInput().render("body-0-value-language", "", {"id": "body-0-value-language"})
    assert 'type="text"' in html
    assert 'list="body-0-value-language-languages"' in html
    assert '<datalist id="body-0-value-language-languages">' in html
    assert '<option value="nl">Nederlands</option>' in html


@pytest.mark.django_db
def test_a_page_shows_its_quote_in_its_language_and_old_quotes_still_show(client):
    about = demo_page("about")
    about.body = StreamValue(
        about.body.stream_block,
        [
            {"type": "quote", "value": {**TESTIMONY, "language": "nl"}},
            {"type": "quote", "value": {"quote": "Une visite inoubliable.", "attribution": ""}},
        ],
        is_lazy=True,
    )
    about.save_revision().publish()
    html = client.get(about.url).content.decode()
    assert '<blockquote lang="nl"><p>Mijn leerlingen' in html
    assert "<blockquote><p>Une visite inoubliable.</p></blockquote>" in html


@pytest.mark.django_db
def test_translations_keep_the_code_unless_the_translator_changes_it(english_admin_client):
    """The code is no text to translate, but a translator who translates a Dutch testimony
    into English must be able to say so: else English words are read with a Dutch voice."""
    about = demo_page("about")
    about.body = [("quote", {**TESTIMONY, "language": "nl"})]
    about.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(about)
    offered = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    assert "Mijn leerlingen praten er nog weken later over." in offered
    assert "nl" not in offered
    english_locale = Locale.objects.get(language_code="en")

    source.create_or_update_translation(english_locale, fallback=True)
    english = demo_page("about", "en")
    assert english.body[0].value["language"] == "nl"
    editor = english_admin_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert editor.status_code == 200

    (code,) = OverridableSegment.objects.filter(source=source)
    SegmentOverride.objects.create(
        locale=english_locale, context=code.context, data_json=json.dumps("en")
    )
    source.create_or_update_translation(english_locale, fallback=True)
    assert demo_page("about", "en").body[0].value["language"] == "en"
