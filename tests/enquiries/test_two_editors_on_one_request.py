"""Two team members follow up the same request: the later save never wipes the earlier."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.users.models import UserProfile

from csti_cms.enquiries import services
from csti_cms.enquiries.concurrency import LOADED_VERSION
from csti_cms.enquiries.viewsets import EnquiryEditView
from tests.enquiries.helpers import BOOKINGS, QUOTES, stored_booking, stored_quote

pytestmark = pytest.mark.django_db


def editor(first_name, last_name):
    user = get_user_model().objects.create_superuser(
        first_name.lower(), f"{first_name.lower()}@centre.example", "pw",
        first_name=first_name, last_name=last_name,
    )  # fmt: skip
    # Working in English, whatever the language a test before left active.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def opened(client, url):
    """The edit form as a browser tab holds it: the hidden version it was loaded with."""
    html = client.get(url).content.decode()
    return re.search(rf'name="{LOADED_VERSION}" value="([^"]+)"', html)[1]


def save(client, url, version, **fields):
    return client.post(url, {LOADED_VERSION: version, **fields})


def test_a_save_from_a_form_opened_before_anothers_change_is_refused():
    booking = stored_booking()
    url = f"{BOOKINGS}edit/{booking.pk}/"
    anne, bruno = editor("Anne", "Leclercq"), editor("Bruno", "Peeters")
    anne_tab, bruno_tab = opened(anne, url), opened(bruno, url)

    kept = save(anne, url, anne_tab, status="confirmed", internal_notes="Salle 3, 9:00")
    assert kept.status_code == 302
    refused = save(bruno, url, bruno_tab, status="declined", internal_notes="Plus de place")

    assert refused.status_code == 200
    html = refused.content.decode()
    assert re.search(r"This request was changed by Anne Leclercq at \d\d:\d\d since you", html)
    assert "Copy what you typed, reload the request to see the change" in html
    assert "Plus de place</textarea>" in html, "what Bruno typed is still in his form"
    assert re.search(r'<option value="declined"[^>]*selected', html)
    booking.refresh_from_db()
    assert (booking.status, booking.internal_notes) == ("confirmed", "Salle 3, 9:00")


def test_the_reloaded_form_saves():
    booking = stored_booking()
    url = f"{BOOKINGS}edit/{booking.pk}/"
    anne, bruno = editor("Anne", "Leclercq"), editor("Bruno", "Peeters")
    bruno_tab = opened(bruno, url)
    save(anne, url, opened(anne, url), status="confirmed", internal_notes="Salle 3")
    assert save(bruno, url, bruno_tab, status="declined", internal_notes="").status_code == 200

    reloaded = save(
        bruno, url, opened(bruno, url), status="confirmed", internal_notes="Salle 3 + 4"
    )
    assert reloaded.status_code == 302
    booking.refresh_from_db()
    assert booking.internal_notes == "Salle 3 + 4"


def test_a_change_by_no_one_in_the_history_is_still_caught():
    """The retention job erases notes without a name in the history."""
    quote = stored_quote(internal_notes="Rappeler Mme Lambert")
    url = f"{QUOTES}edit/{quote.pk}/"
    anne = editor("Anne", "Leclercq")
    tab = opened(anne, url)
    type(quote).objects.filter(pk=quote.pk).update(internal_notes="")

    refused = save(anne, url, tab, status="new", internal_notes="Rappeler Mme Lambert, 2e fois")
    assert refused.status_code == 200
    assert "This request was changed since you opened it" in refused.content.decode()
    quote.refresh_from_db()
    assert quote.internal_notes == ""


def test_the_same_change_sent_by_both_is_no_conflict():
    """Both set the request to confirmed with the same note: nothing would be lost."""
    booking = stored_booking()
    url = f"{BOOKINGS}edit/{booking.pk}/"
    anne, bruno = editor("Anne", "Leclercq"), editor("Bruno", "Peeters")
    anne_tab, bruno_tab = opened(anne, url), opened(bruno, url)
    same = {"status": "confirmed", "internal_notes": "Salle 3"}
    assert save(anne, url, anne_tab, **same).status_code == 302
    assert save(bruno, url, bruno_tab, **same).status_code == 302


def test_a_save_keeps_a_notification_sent_while_it_was_on_its_way(monkeypatch):
    """The retry sends the e-mail while the editor's save is being handled: the save does
    not write back the "not sent" it read, which would have the team told twice."""
    booking = stored_booking()
    type(booking).objects.filter(pk=booking.pk).update(notified=False, notification_error="Down")
    url = f"{BOOKINGS}edit/{booking.pk}/"
    anne = editor("Anne", "Leclercq")
    tab = opened(anne, url)
    locked = EnquiryEditView.stored_row_locked

    def sent_meanwhile(view):
        assert services.notify(type(booking).objects.get(pk=booking.pk))
        return locked(view)

    monkeypatch.setattr(EnquiryEditView, "stored_row_locked", sent_meanwhile)
    assert save(anne, url, tab, status="confirmed", internal_notes="Salle 3").status_code == 302
    booking.refresh_from_db()
    assert (booking.status, booking.notified, booking.notification_error) == ("confirmed", True, "")
    assert services.retry_pending(services.enquiry_models()).sent == 0
