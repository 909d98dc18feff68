"""A teacher picks the class level in the page's language; the team reads it in its own.

Levels are translated snippets: a Dutch booking stores the Dutch level, which used to show
in Dutch in the middle of a French e-mail, and of an English admin.
"""

import pytest
from django.core import mail

from csti_cms.enquiries.services import notify
from csti_cms.schools.models import SchoolLevel
from tests.enquiries.helpers import BOOKINGS, csv_rows, read_only_values, stored_booking, xlsx_rows

pytestmark = pytest.mark.django_db


def level_in(language, translation_key):
    return SchoolLevel.objects.get(translation_key=translation_key, locale__language_code=language)


@pytest.fixture
def dutch_booking():
    level = SchoolLevel.objects.filter(locale__language_code="nl").order_by("pk").first()
    return stored_booking(level=level, notified=True)


def test_the_e_mail_names_the_level_in_the_team_s_language(dutch_booking, notifications):
    # The team is e-mailed only about a request it was not told about yet.
    type(dutch_booking).objects.filter(pk=dutch_booking.pk).update(notified=False)
    assert notify(dutch_booking) is True
    (message,) = mail.outbox
    french = level_in("fr", dutch_booking.level.translation_key)
    assert f"Niveau de la classe\u00a0: {french.name}\n" in message.body
    assert dutch_booking.level.name not in message.body


def test_the_admin_and_its_exports_name_the_level_in_the_admin_s_language(
    dutch_booking, english_admin_client
):
    english = level_in("en", dutch_booking.level.translation_key).name
    html = english_admin_client.get(f"{BOOKINGS}edit/{dutch_booking.pk}/").content.decode()
    assert english in read_only_values(html)
    (row,) = csv_rows(english_admin_client, BOOKINGS)
    assert row["Class level"] == english
    (row,) = xlsx_rows(english_admin_client, BOOKINGS)
    assert row["Class level"] == english
