"""A label says "(optional)" when the form, once built, lets the field be left empty, and only then.

The booking form makes the phone required in its own ``__init__``, after the mixin's: it
used to read "Téléphone (facultatif)" and refuse an empty phone as "Téléphone (facultatif) :
Champ requis.".
"""

import re
from html import unescape

import pytest
from django import forms
from django.test import RequestFactory
from django.utils import translation

from csti_cms.enquiries.forms import SpamProtectedFormMixin
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url
from tests.venues.helpers import quote_url

pytestmark = pytest.mark.django_db

#: "optional" as each language's catalogue has it (translated before this change).
OPTIONAL = {"fr": "(facultatif)", "nl": "(optioneel)", "en": "(optional)"}


def label_of(html, name):
    """The text of the ``<label>`` of the field ``name`` on a page, without its colon."""
    match = re.search(rf'<label for="id_{name}"[^>]*>(.*?)</label>', html, re.S)
    return unescape(match.group(1)).rstrip(": \u00a0")


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_booking_forms_phone_is_required_and_not_called_optional(client, language):
    activity = demo_page("activity-colour-chemistry", language)
    html = client.get(booking_url(activity)).content.decode()
    assert OPTIONAL[language] not in label_of(html, "phone")
    assert label_of(html, "school_postal_code").endswith(OPTIONAL[language])


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_an_empty_phone_is_refused_without_calling_it_optional(client, language):
    activity = demo_page("activity-colour-chemistry", language)
    response = client.post(booking_url(activity), booking_data(activity, phone=""))
    assert list(response.context["form"].errors) == ["phone"]
    summary = response.content.decode().split('class="form-summary"')[1].split("</ul>")[0]
    assert 'href="#id_phone"' in summary
    assert OPTIONAL[language] not in unescape(summary)


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_every_label_of_the_booking_and_quote_forms_follows_the_field(client, language):
    activity = demo_page("activity-colour-chemistry", language)
    for url in (booking_url(activity), quote_url(language)):
        form = client.get(url).context["form"]
        with translation.override(language):
            for field in form.visible_fields():
                if field.name == form.honeypot_field:
                    continue
                marked = str(field.label).endswith(OPTIONAL[language])
                assert marked == (not field.field.required), (url, field.name)


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_quotes_phone_stays_optional_and_says_so(client, language):
    html = client.get(quote_url(language)).content.decode()
    assert label_of(html, "phone").endswith(OPTIONAL[language])


class SchoolTrip(SpamProtectedFormMixin, forms.Form):
    """A form of a plugin: its own ``__init__`` changes what is required after the mixin's."""

    rate_limit_scope = "test.school_trip"

    coach_company = forms.CharField(label="Coach company", required=False)
    lunch_room = forms.CharField(label="Lunch room")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach_company"].required = True
        self.fields["lunch_room"].required = False


def test_any_form_with_the_mixin_marks_what_its_own_init_left_optional():
    form = SchoolTrip(request=RequestFactory().get("/"))
    with translation.override("en"):
        assert str(form["coach_company"].label) == "Coach company"
        assert str(form["lunch_room"].label) == "Lunch room (optional)"
        # The robot trap is optional too, but nobody is meant to read it.
        assert "optional" not in str(form.honeypot.label)
