"""A school activity says whether a class with a pupil in a wheelchair can take part, as an
event or a room does: yes, no, or not stated, the same in every language."""

import pytest
from django.utils import translation
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from csti_cms.schools.models import SchoolActivityPage
from tests.conftest import LANGUAGES, demo_page
from tests.schools.helpers import booking_url, publish_activity

pytestmark = pytest.mark.django_db

LAB_ACTIVITY = "activity-colour-chemistry"
STEP_FREE_ACTIVITIES = [
    LAB_ACTIVITY,
    "activity-solar-system-show",
    "activity-energy-tour",
    "activity-robot-coding",
    "activity-climate-talk",
    "activity-little-explorers",
]


def said_in(language, message):
    with translation.override(language):
        return translation.gettext(message)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_activities_state_their_access(client, language):
    for key in STEP_FREE_ACTIVITIES:
        activity = demo_page(key, language)
        html = " ".join(client.get(activity.url).content.decode().split())
        assert said_in(language, "Wheelchair accessible.") in html, key

    # The lab's two steps get a ramp for the class: accessible, and the page says how
    # (whitespace collapsed above, the no-break space before the French colon too).
    lab = demo_page(LAB_ACTIVITY, language)
    html = " ".join(client.get(lab.url).content.decode().split())
    assert said_in(language, "Not wheelchair accessible.") not in html
    assert {
        "fr": "Une rampe amovible est posée pour votre classe : dites-le-nous en réservant.",
        "nl": "We plaatsen een verplaatsbare helling voor je klas: laat het ons weten bij je",
        "en": "A removable ramp is placed for your class: tell us when booking.",
    }[language] in html


def test_an_answered_question_is_shown_with_the_facts(client):
    activity = publish_activity(wheelchair_accessible=True)
    html = " ".join(client.get(activity.url).content.decode().split())
    facts = html.split('<dl class="facts">', 1)[1].split("</dl>", 1)[0]
    assert "<dt>Accessibilité</dt>" in facts
    assert said_in("fr", "Wheelchair accessible.") in facts


def test_the_booking_form_repeats_it(client):
    activity = publish_activity(
        wheelchair_accessible=False, accessibility="Deux marches ; rampe sur demande."
    )
    html = client.get(booking_url(activity)).content.decode()
    assert said_in("fr", "Not wheelchair accessible.") in html
    assert "Deux marches ; rampe sur demande." in html


def test_an_unstated_access_says_nothing(client):
    activity = publish_activity()
    assert activity.wheelchair_accessible is None
    html = client.get(activity.url).content.decode()
    assert "<dt>Accessibilité</dt>" not in html


def test_the_answer_is_the_same_in_every_language_and_the_notes_are_translated():
    fields = {field.field_name: field for field in get_translatable_fields(SchoolActivityPage)}
    assert isinstance(fields["wheelchair_accessible"], SynchronizedField)
    assert isinstance(fields["accessibility"], TranslatableField)
    field = SchoolActivityPage._meta.get_field("wheelchair_accessible")
    assert [value for value, _label in field.choices] == [True, False, None]


def test_editors_answer_with_the_practical_facts(english_admin_client):
    activity = demo_page(LAB_ACTIVITY)  # the French source; translations are synchronised
    response = english_admin_client.get(f"/admin/pages/{activity.pk}/edit/")
    html = response.content.decode()
    assert html.count('name="wheelchair_accessible"') == 3
    assert 'value="True" id="id_wheelchair_accessible_0" checked' in html
    panel = html.split("Duration, group size, languages, days, price and access", 1)[1]
    assert 'name="wheelchair_accessible"' in panel and 'name="accessibility"' in panel
