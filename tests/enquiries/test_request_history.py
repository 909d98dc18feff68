"""A request's history says what the team did to it, and forgets who sent it once deleted."""

import pytest
from django.utils import translation
from django.utils.text import capfirst

from csti_cms.core.i18n import site_language
from csti_cms.enquiries.models import RequestLogEntry
from csti_cms.enquiries.viewsets import STATUS_CHANGE
from csti_cms.schools.models import BookingRequest
from tests.enquiries.helpers import BOOKINGS, stored_booking

pytestmark = pytest.mark.django_db


def follow_up(client, booking, **fields):
    response = client.post(
        f"{BOOKINGS}edit/{booking.pk}/",
        {"status": booking.status, "internal_notes": booking.internal_notes, **fields},
        HTTP_HOST=booking.site.hostname,
    )
    assert response.status_code == 302


def actions(booking):
    entries = RequestLogEntry.objects.filter(object_id=str(booking.pk)).order_by("id")
    return list(entries.values_list("action", flat=True))


def test_a_change_of_status_is_logged_from_which_to_which(team_member, centre_a):
    booking = stored_booking(site=centre_a)
    follow_up(team_member, booking, status="confirmed")
    (entry,) = RequestLogEntry.objects.filter(object_id=str(booking.pk))
    assert entry.action == STATUS_CHANGE
    assert entry.data == {"previous_status": "new", "status": "confirmed"}
    history = team_member.get(f"{BOOKINGS}history/{booking.pk}/", HTTP_HOST=centre_a.hostname)
    assert "Changed the status from “New” to “Confirmed”" in history.content.decode()


def test_notes_written_with_the_change_are_logged_as_an_edit_too(team_member, centre_a):
    booking = stored_booking(site=centre_a)
    follow_up(team_member, booking, status="declined", internal_notes="Complet ce jour-là.")
    assert actions(booking) == ["wagtail.edit", STATUS_CHANGE]
    follow_up(team_member, booking, status="declined", internal_notes="Rappelé le 3.")
    assert actions(booking) == ["wagtail.edit", STATUS_CHANGE, "wagtail.edit"]


def test_a_deleted_requests_history_names_nobody_at_once(team_member, centre_a):
    booking = stored_booking(site=centre_a, school_name="Basisschool De Linde")
    follow_up(team_member, booking, status="confirmed")
    response = team_member.post(f"{BOOKINGS}delete/{booking.pk}/", HTTP_HOST=centre_a.hostname)
    assert response.status_code == 302
    with translation.override(site_language(centre_a)):
        expected = f"{capfirst(BookingRequest._meta.verbose_name)} #{booking.pk}"
    labels = RequestLogEntry.objects.filter(object_id=str(booking.pk)).values_list(
        "label", flat=True
    )
    assert sorted(labels) == [expected, expected], "the status change and the deletion"
