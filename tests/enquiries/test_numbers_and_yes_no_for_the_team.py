"""The team reads counts, amounts and yes/no the way its admin language writes them."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.users.models import UserProfile

from csti_cms.enquiries.services import notify
from tests.enquiries.helpers import read_only_values, stored_booking, stored_quote

pytestmark = pytest.mark.django_db


def admin_speaking(language, admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    return admin_client


@pytest.fixture
def french_admin_client(admin_client, admin_user):
    return admin_speaking("fr", admin_client, admin_user)


def notified_cells(html):
    """What the listing's "Team notified" column says, row by row."""
    return re.findall(r"<td[^>]*>\s*(Oui|Non|Yes|No|True|False)\s*</td>", html)


def test_the_french_listing_says_whether_the_team_was_notified_in_french(french_admin_client):
    stored_booking(school_name="École des Tilleuls", notified=True)
    stored_booking(school_name="Basisschool De Linde", notified=False)
    html = french_admin_client.get("/admin/booking_requests/").content.decode()
    assert notified_cells(html) == ["Non", "Oui"]
    stored_quote(notified=True)
    html = french_admin_client.get("/admin/quote_requests/").content.decode()
    assert notified_cells(html) == ["Oui"]


@pytest.mark.parametrize(
    ("language", "budget", "guests"),
    [("fr", "12\xa0000", "1\xa0500"), ("nl", "12.000", "1.500"), ("en", "12,000", "1,500")],
)
def test_a_budget_is_grouped_by_thousands_in_the_admins_language(
    admin_client, admin_user, language, budget, guests
):
    client = admin_speaking(language, admin_client, admin_user)
    quote = stored_quote(budget=12000, guests=1500)
    edit = client.get(f"/admin/quote_requests/edit/{quote.pk}/").content.decode()
    assert {budget, guests} <= set(read_only_values(edit))
    inspect = client.get(f"/admin/quote_requests/inspect/{quote.pk}/").content.decode()
    assert budget in inspect and guests in inspect


def test_the_inspect_view_reads_like_the_edit_view(french_admin_client):
    """Not "True", "None", a Python list of codes or a time in UTC."""
    quote = stored_quote(budget=None, catering=["coffee", "lunch"], notified=True)
    html = french_admin_client.get(f"/admin/quote_requests/inspect/{quote.pk}/").content.decode()
    values = re.findall(r">\s*([^<>]*?)\s*<", html)
    for raw in ("True", "None", "['coffee', 'lunch']", "coffee"):
        assert raw not in values, raw
    assert "Oui" in html and "Français" in html and "—" in html
    local = timezone.localtime(quote.created_at)
    assert date_format(local, "DATETIME_FORMAT") in html


def test_the_team_s_e_mail_groups_amounts_and_names_the_catering(settings):
    settings.LANGUAGE_CODE = "fr"
    quote = stored_quote(budget=12000, guests=1500, catering=["coffee", "lunch"])
    assert notify(quote) is True
    (message,) = mail.outbox
    assert "12\xa0000" in message.body and "1\xa0500" in message.body
    assert "coffee" not in message.body
