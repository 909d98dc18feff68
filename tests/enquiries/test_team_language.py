"""A centre's team reads about its requests in its centre's language, not the install's.

A Dutch-first centre (its home written in Dutch) shares the install with the demo's
French-first one: each team's e-mails and each request's erased history speak its own.
"""

import pytest
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.log_actions import log

from csti_cms.core.i18n import site_language
from csti_cms.enquiries.models import RequestLogEntry
from csti_cms.enquiries.retention import label_history_by_number
from csti_cms.enquiries.services import build_message
from csti_cms.schools.models import BookingRequest
from tests.core.language_centres import technopolis
from tests.enquiries.helpers import stored_booking

pytestmark = pytest.mark.django_db


def subject_in(language, booking, site_name):
    with translation.override(language):
        return f"[{site_name}] {capfirst(booking.notification_subject())}"


def test_the_team_of_a_dutch_first_centre_is_written_to_in_dutch():
    site = technopolis()
    booking = stored_booking(site=site, language="fr")
    message = build_message(booking, ["team@technopolis.example"])
    assert message.subject == subject_in("nl", booking, "Technopolis")
    assert message.subject != subject_in("fr", booking, "Technopolis"), "Dutch differs from French"
    with translation.override("nl"):
        closing = gettext("Reply to this e-mail to answer the visitor.")
    assert closing in message.body


def test_the_team_of_the_french_first_centre_still_reads_french(home_fr):
    technopolis()
    booking = stored_booking(language="nl")
    message = build_message(booking, ["ecoles@curiosa.example"])
    assert message.subject == subject_in("fr", booking, booking.site.site_name)


def test_erased_history_is_labelled_in_each_requests_own_centre_language(home_fr):
    dutch_first = stored_booking(site=technopolis(), school_name="Basisschool De Linde")
    french_first = stored_booking(school_name="École du Centre")
    for booking in (dutch_first, french_first):
        log(booking, "wagtail.edit")
    label_history_by_number(BookingRequest, BookingRequest.objects.all())
    labels = dict(RequestLogEntry.objects.values_list("object_id", "label"))
    for booking, language in ((dutch_first, "nl"), (french_first, "fr")):
        with translation.override(language):
            kind = str(capfirst(BookingRequest._meta.verbose_name))
        assert labels[str(booking.pk)] == f"{kind} #{booking.pk}"


def test_a_sites_language_is_its_home_pages():
    assert site_language(technopolis()) == "nl"
    assert site_language(None) == "fr", "without a site: the install's LANGUAGE_CODE"
