"""Endorsements keep their contacts' details no longer than needed.

The core's ``erase_old_personal_data`` job calls the plugin's hook: endorsements never
confirmed go once their link has expired, rejected ones some days after the decision,
and the others lose their contact's name and e-mail address after the retention period.
The admin history then names them by number, and the endorser is told all this.
"""

import io
import logging
import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from wagtail.log_actions import log
from wagtail.models import Site

from csti_cms.core.models import ContactSettings
from csti_cms.plugins import disable
from csti_cms.plugins.declarations.models import (
    Endorsement,
    EndorsementLogEntry,
    EndorsementStatus,
)
from csti_cms.plugins.declarations.wagtail_hooks import erase_endorsers_details
from tests.conftest import demo_page

from .helpers import MECHELEN, endorse, make_endorsement

pytestmark = pytest.mark.django_db

TWO_YEARS_AGO = timedelta(days=731)
CENTRE_EMAIL = "accueil@centre.example"


@pytest.fixture(autouse=True)
def no_demo_endorsements():
    """Only each test's own endorsements, whatever dates the demo gave its own."""
    Endorsement.objects.all().delete()


def sent(endorsement, age, **fields):
    """``endorsement`` as if it had been sent ``age`` ago (and changed by ``fields``)."""
    Endorsement.objects.filter(pk=endorsement.pk).update(
        submitted_at=timezone.now() - age, **fields
    )
    return endorsement


def erase(*args):
    out = io.StringIO()
    call_command("erase_old_personal_data", *args, stdout=out)
    return out.getvalue()


def still_there(*endorsements):
    return [Endorsement.objects.filter(pk=e.pk).exists() for e in endorsements]


def endorsement(organisation, **fields):
    return make_endorsement(demo_page(MECHELEN, "en"), organisation, **fields)


# What goes, and when ----------------------------------------------------------------------------


def test_endorsements_never_confirmed_go_once_their_link_has_expired():
    expired = sent(endorsement("Lab 1", confirmed=False, status="pending"), timedelta(days=4))
    failed = sent(
        endorsement("Lab 2", confirmed=False, status="pending", confirmation_failed=True),
        timedelta(days=4),
    )
    waiting = sent(endorsement("Lab 3", confirmed=False, status="pending"), timedelta(days=2))
    failed_today = endorsement("Lab 4", confirmed=False, status="pending", confirmation_failed=True)
    assert "2 endorsements" in erase()
    assert still_there(expired, failed, waiting, failed_today) == [False, False, True, True]


def test_rejected_endorsements_go_some_days_after_the_decision():
    now = timezone.now()
    decided_long_ago = sent(
        endorsement("Lab 1", status="rejected"),
        timedelta(days=60),
        moderated_at=now - timedelta(days=31),
    )
    decided_lately = sent(
        endorsement("Lab 2", status="rejected"),
        timedelta(days=60),
        moderated_at=now - timedelta(days=29),
    )
    approved = sent(endorsement("Lab 3"), timedelta(days=60), moderated_at=now - timedelta(days=31))
    erase()
    assert still_there(decided_long_ago, decided_lately, approved) == [False, True, True]
    with override_settings(DECLARATIONS_REJECTED_RETENTION_DAYS=7):
        erase()
    assert still_there(decided_lately) == [False]


def test_an_old_approved_endorsement_stays_public_without_its_contact(client):
    old = sent(endorsement("Musée des Sciences", website="https://musee.example/"), TWO_YEARS_AGO)
    waiting = sent(endorsement("Lab 2", status="pending"), TWO_YEARS_AGO)
    recent = sent(endorsement("Lab 3"), timedelta(days=729))
    erase()
    old.refresh_from_db()
    assert (old.contact_name, old.email) == ("", "")
    assert (old.organisation, old.country, old.website) == (
        "Musée des Sciences",
        "Belgium",
        "https://musee.example/",
    )
    assert old.personal_data_erased_at is not None
    waiting.refresh_from_db()
    assert (waiting.email, waiting.status) == ("", EndorsementStatus.PENDING), "kept, confirmed"
    recent.refresh_from_db()
    assert recent.email == "contact@example.org" and recent.personal_data_erased_at is None
    assert "Musée des Sciences" in client.get(demo_page(MECHELEN, "en").url).content.decode()


def test_a_second_run_finds_nothing_and_keeps_the_first_erasure_date():
    old = sent(endorsement("Lab 1"), TWO_YEARS_AGO)
    assert "1 endorsement " in erase()
    first = Endorsement.objects.get(pk=old.pk).personal_data_erased_at
    assert erase() == "", "nothing left to erase: the job stays silent"
    assert Endorsement.objects.get(pk=old.pk).personal_data_erased_at == first


def test_the_hook_counts_without_erasing_on_a_dry_run():
    old = sent(endorsement("Lab 1"), TWO_YEARS_AGO)
    expired = sent(endorsement("Lab 2", confirmed=False, status="pending"), timedelta(days=4))
    before = timezone.now() - timedelta(days=730)
    assert erase_endorsers_details(before, dry_run=True) == {Endorsement: 2}
    assert "Would erase" in erase("--dry-run")
    assert still_there(expired) == [True]
    assert Endorsement.objects.get(pk=old.pk).email == "contact@example.org"
    assert erase_endorsers_details(before, dry_run=False) == {Endorsement: 2}
    assert still_there(expired) == [False]
    assert Endorsement.objects.get(pk=old.pk).email == ""


def test_a_site_with_the_plugin_switched_off_is_erased_too():
    disable("declarations", Site.objects.get(is_default_site=True))
    old = sent(endorsement("Lab 1"), TWO_YEARS_AGO)
    expired = sent(endorsement("Lab 2", confirmed=False, status="pending"), timedelta(days=4))
    erase()
    assert Endorsement.objects.get(pk=old.pk).email == ""
    assert still_there(expired) == [False]


# The admin -------------------------------------------------------------------------------------


def test_the_history_names_erased_and_deleted_endorsements_by_number(english_admin_client):
    old = sent(endorsement("Musée des Sciences"), TWO_YEARS_AGO)
    expired = sent(endorsement("Lab 2", confirmed=False, status="pending"), timedelta(days=4))
    recent = endorsement("Lab 3")
    for each in (old, expired, recent):
        log(each, "wagtail.edit")
    erase()
    labels = dict(
        EndorsementLogEntry.objects.filter(action="wagtail.edit").values_list("object_id", "label")
    )
    with translation.override(settings.LANGUAGE_CODE):
        kind = str(capfirst(Endorsement._meta.verbose_name))
    assert labels == {
        str(old.pk): f"{kind} #{old.pk}",
        str(expired.pk): f"{kind} #{expired.pk}",
        str(recent.pk): "Lab 3",
    }


def test_editors_see_when_the_contact_was_erased_and_still_moderate(english_admin_client):
    old = sent(endorsement("Musée des Sciences"), TWO_YEARS_AGO)
    erase()
    edit = reverse("endorsements:edit", args=[old.pk])
    shown = english_admin_client.get(edit).content.decode()
    assert "Contact details erased" in shown
    assert 'name="email"' not in shown and 'name="contact_name"' not in shown
    data = {"status": "rejected", "organisation": old.organisation, "country": "Belgium"}
    assert english_admin_client.post(edit, data).status_code == 302
    old.refresh_from_db()
    assert (old.status, old.email) == (EndorsementStatus.REJECTED, "")


def test_an_endorsement_with_its_contact_shows_no_erasure_date(english_admin_client):
    recent = endorsement("Lab 1")
    shown = english_admin_client.get(reverse("endorsements:edit", args=[recent.pk]))
    assert "Contact details erased" not in shown.content.decode()


# What the endorser is told ---------------------------------------------------------------------


@pytest.fixture
def centre_email():
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.email = CENTRE_EMAIL
    contact.save()


def test_the_form_says_how_long_details_are_kept_and_how_to_withdraw(client, centre_email):
    html = client.get(demo_page(MECHELEN, "en").url + "endorse/").content.decode()
    assert "and erase them 2 years after you send it" in html
    assert f'To withdraw your endorsement, write to <a href="mailto:{CENTRE_EMAIL}">' in html


@override_settings(CSTI_REQUEST_RETENTION_DAYS=0)
def test_without_a_retention_period_the_form_names_none(client):
    html = client.get(demo_page(MECHELEN, "en").url + "endorse/").content.decode()
    assert "only to contact you about this endorsement." in html
    assert "erase them" not in html


def test_the_confirmation_email_says_it_too(client, centre_email):
    endorse(client, demo_page(MECHELEN, "en"))
    body = " ".join(mail.outbox[0].body.split())
    assert "and erase them 2 years after you send it" in body
    assert f"To withdraw your endorsement, write to {CENTRE_EMAIL}." in body


# The log ---------------------------------------------------------------------------------------


def test_a_failed_confirmation_is_one_warning_without_the_address(client, caplog):
    refused = smtplib.SMTPRecipientsRefused({"anne@musee.example": (550, b"No such user")})
    with (
        caplog.at_level(logging.INFO, logger="csti_cms.plugins.declarations"),
        mock.patch("csti_cms.plugins.declarations.endorsements.send_mail", side_effect=refused),
    ):
        endorse(client, demo_page(MECHELEN, "en"))
    stored = Endorsement.objects.get(organisation="Musée des Sciences")
    [record] = [r for r in caplog.records if r.name.startswith("csti_cms.plugins.declarations")]
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert f"Endorsement {stored.pk} " in record.getMessage()
    assert "SMTPRecipientsRefused" in record.getMessage()
    assert "anne@musee.example" not in caplog.text


@override_settings(CSTI_REQUEST_RETENTION_DAYS=0)
def test_with_retention_off_unconfirmed_endorsements_still_go():
    """An unconfirmed endorsement may hold a stranger's address: "keep requests' details"
    does not keep it."""
    expired = sent(endorsement("Lab 1", confirmed=False, status="pending"), timedelta(days=4))
    approved = sent(endorsement("Lab 2"), timedelta(days=3650))
    assert "1 endorsement" in erase()
    assert still_there(expired, approved) == [False, True]
    approved.refresh_from_db()
    assert approved.email == "contact@example.org"
