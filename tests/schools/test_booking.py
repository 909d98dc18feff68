"""Booking requests: checked against the activity, stored before any e-mail, answered in the
visitor's language."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from wagtail import hooks

from csti_cms.enquiries.closures import CLOSED_DATES_HOOK
from csti_cms.enquiries.models import EnquiryStatus
from csti_cms.schools.models import BookingRequest, SchoolLevel
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url, next_weekday, publish_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return demo_page("activity-colour-chemistry", "fr")


def test_a_booking_is_stored_then_announced_to_the_team(
    client, activity, notifications, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(booking_url(activity), booking_data(activity))
    assert response.status_code == 302
    assert response["Location"].endswith(activity.url + "reserver/merci/")
    booking = BookingRequest.objects.get()
    assert booking.activity == activity
    assert booking.activity_title == activity.title
    assert booking.site == activity.get_site()
    assert booking.language == "fr"
    assert booking.status == EnquiryStatus.NEW
    assert booking.pupils == 22 and booking.adults == 2
    assert booking.notified and booking.notification_error == ""
    (message,) = mail.outbox
    assert message.to == ["ecoles@curiosa.example"]
    assert message.reply_to == ["claire.dubois@ecole.example"]
    assert "École communale des Tilleuls" in message.subject
    assert "Un élève en fauteuil roulant." in message.body
    assert f"/admin/booking_requests/edit/{booking.pk}/" in message.body
    sent = client.get(response["Location"])
    assert sent.status_code == 200
    assert activity.title in sent.content.decode()


def test_a_booking_in_another_language_names_the_activity_as_the_team_reads_it(
    client, activity, notifications, django_capture_on_commit_callbacks
):
    """A Dutch teacher's booking reaches a French centre's team under the French title, so
    one workshop is listed, searched and exported under one name."""
    dutch = demo_page("activity-colour-chemistry", "nl")
    assert dutch.title != activity.title
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(booking_url(dutch), booking_data(dutch))
    assert response.status_code == 302
    booking = BookingRequest.objects.get()
    assert (booking.activity, booking.language) == (dutch, "nl")
    assert booking.activity_title == activity.title
    assert activity.title in mail.outbox[0].body


def test_an_activity_the_team_has_not_translated_keeps_the_teachers_title(client, notifications):
    dutch_levels = SchoolLevel.objects.filter(locale__language_code="nl")[:1]
    dutch_only = publish_activity(
        demo_page("school-activities", "nl"), title="Magneetlab", levels=dutch_levels
    )
    response = client.post(booking_url(dutch_only), booking_data(dutch_only))
    assert response.status_code == 302
    assert BookingRequest.objects.get().activity_title == "Magneetlab"


def test_the_form_page_is_never_cached_and_needs_a_csrf_token(activity):
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(booking_url(activity))
    assert page.status_code == 200
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    response = strict.post(booking_url(activity), booking_data(activity))
    assert response.status_code == 403
    assert not BookingRequest.objects.exists()


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_a_group_larger_than_the_capacity_is_refused_in_the_visitor_language(client, language):
    activity = demo_page("activity-colour-chemistry", language)
    data = booking_data(activity, pupils=str(activity.max_pupils + 1))
    response = client.post(booking_url(activity), data)
    assert response.status_code == 200
    assert not BookingRequest.objects.exists()
    form = response.context["form"]
    assert list(form.errors) == ["pupils"]
    with translation.override(language):
        expected = translation.ngettext(
            "This activity welcomes at most %(max)d pupil per group. For a larger "
            "group, give the pupils of one class and tell us about the others under "
            "“Anything else?”.",
            "This activity welcomes at most %(max)d pupils per group. For a larger "
            "group, give the pupils of one class and tell us about the others under "
            "“Anything else?”.",
            activity.max_pupils,
        ) % {"max": activity.max_pupils}
    assert form.errors["pupils"] == [expected]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'aria-invalid="true"' in html and 'href="#id_pupils"' in html


def test_a_group_smaller_than_the_minimum_is_refused(client, activity):
    assert activity.min_pupils == 10
    response = client.post(booking_url(activity), booking_data(activity, pupils="4"))
    assert "pupils" in response.context["form"].errors
    assert not BookingRequest.objects.exists()


def test_a_negative_group_is_told_the_activitys_group_size(client, activity):
    response = client.post(booking_url(activity), booking_data(activity, pupils="-3"))
    assert response.context["form"].errors["pupils"] == [
        "Indiquez le nombre d’élèves de votre groupe."
    ]
    assert 'min="10"' in response.content.decode()
    assert not BookingRequest.objects.exists()


def test_more_adults_than_pupils_is_refused(client, activity):
    data = booking_data(activity, pupils="22", adults="80")
    errors = client.post(booking_url(activity), data).context["form"].errors
    assert list(errors) == ["adults"]
    assert not BookingRequest.objects.exists()
    assert client.post(booking_url(activity), {**data, "adults": "22"}).status_code == 302


def test_a_class_without_an_accompanying_adult_is_refused(client, activity):
    response = client.post(booking_url(activity), booking_data(activity, adults="0"))
    assert response.context["form"].errors["adults"] == [
        "Une classe vient avec au moins un adulte accompagnant."
    ]
    assert not BookingRequest.objects.exists()


def test_a_day_the_centre_is_closed_is_refused(client, activity):
    closed_day = next_weekday(14)
    calls = []

    def closures(site, start_date, end_date):
        calls.append((site, start_date, end_date))
        return [closed_day, closed_day - timedelta(days=400)]  # the second is out of range

    data = booking_data(activity, alternative_date=next_weekday(28).isoformat())
    with hooks.register_temporarily(CLOSED_DATES_HOOK, closures):
        response = client.post(booking_url(activity), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["preferred_date"]
    assert errors.as_data()["preferred_date"][0].code == "closed"
    # The last call checks the dates; an earlier one reads the days to tell teachers.
    assert calls[-1] == (activity.get_site(), closed_day, next_weekday(28))
    assert not BookingRequest.objects.exists()

    with hooks.register_temporarily(CLOSED_DATES_HOOK, closures):
        data["preferred_date"] = next_weekday(21).isoformat()
        assert client.post(booking_url(activity), data).status_code == 302
    assert BookingRequest.objects.count() == 1


def test_dates_must_be_ahead_and_different(client, activity):
    today = timezone.localdate()
    data = booking_data(
        activity,
        preferred_date=today.isoformat(),
        alternative_date=(today + timedelta(days=5 * 366)).isoformat(),
    )
    errors = client.post(booking_url(activity), data).context["form"].errors
    assert set(errors) == {"preferred_date", "alternative_date"}
    same = next_weekday(14).isoformat()
    data = booking_data(activity, preferred_date=same, alternative_date=same)
    assert list(client.post(booking_url(activity), data).context["form"].errors) == [
        "alternative_date"
    ]


def test_level_and_language_must_be_offered_by_the_activity(client, activity):
    other_level = demo_page("activity-energy-tour", "fr").levels.first()
    data = booking_data(activity, level=other_level.pk, activity_language="de")
    errors = client.post(booking_url(activity), data).context["form"].errors
    assert set(errors) == {"level", "activity_language"}


def test_a_booking_is_kept_when_the_mail_server_fails(
    client, activity, notifications, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.enquiries.backends.BrokenBackend"
    with (
        caplog.at_level(logging.WARNING, logger="csti_cms.enquiries"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(booking_url(activity), booking_data(activity))
    assert response.status_code == 302
    booking = BookingRequest.objects.get()
    assert not booking.notified
    assert "SMTPServerDisconnected" in booking.notification_error
    assert any("not notified" in record.getMessage() for record in caplog.records)
    assert not any(record.exc_info for record in caplog.records), "one line, no traceback"
