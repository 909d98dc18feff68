"""Quote requests: checked against the spaces asked for, stored before any e-mail."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from csti_cms.venues.models import Layout, QuoteRequest
from tests.conftest import demo_page
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db


def test_a_quote_request_is_stored_then_announced(
    client, notifications, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(quote_url(), quote_data())
    assert response.status_code == 302
    assert response["Location"].endswith("devis/merci/")
    quote = QuoteRequest.objects.get()
    assert [space.title for space in quote.spaces.all()] == ["Auditorium Marie Curie"]
    assert quote.catering == ["coffee", "cocktail"] and quote.language == "fr"
    assert quote.notified
    (message,) = mail.outbox
    assert "Biotech Namur SA" in message.subject
    assert "Auditorium Marie Curie" in message.body and "Accueil café" not in message.body
    assert message.reply_to == ["sophie.lambert@biotech.example"]
    assert client.get(response["Location"]).status_code == 200


def test_a_space_page_preselects_itself(client):
    atrium = demo_page("space-atrium", "nl")
    html = client.get(quote_url("nl"), {"space": atrium.pk}).content.decode()
    checked = re.findall(r'<input type="checkbox" name="spaces" value="(\d+)"[^>]* checked', html)
    assert checked == [str(atrium.pk)]


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_more_guests_than_the_spaces_hold_is_refused_in_the_visitor_language(client, language):
    seminar = demo_page("space-seminar-room", language)
    data = quote_data(spaces=[str(seminar.pk)], layout="boardroom", guests="30")
    response = client.post(quote_url(language), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["guests"]
    with translation.override(language):
        expected = translation.ngettext(
            "In the “%(layout)s” layout, the spaces you chose hold at most %(total)d guest. "
            "Add a space or contact us.",
            "In the “%(layout)s” layout, the spaces you chose hold at most %(total)d guests. "
            "Add a space or contact us.",
            24,
        ) % {"total": 24, "layout": Layout.BOARDROOM.label}
    assert errors["guests"] == [expected]
    assert not QuoteRequest.objects.exists()


def test_spaces_together_and_layouts_they_do_not_offer(client):
    auditorium, atrium = demo_page("space-auditorium"), demo_page("space-atrium")
    both = [str(auditorium.pk), str(atrium.pk)]
    assert client.post(quote_url(), quote_data(spaces=both, guests="500")).status_code == 302
    # One of them offers a banquet: the other counts at its largest layout.
    assert client.post(quote_url(), quote_data(spaces=both, layout="banquet")).status_code == 302
    alone = quote_data(spaces=[str(auditorium.pk)], layout="banquet", guests="100")
    response = client.post(quote_url(), alone)
    assert list(response.context["form"].errors) == ["spaces"]
    assert auditorium.title in response.context["form"].errors["spaces"][0]
    no_layout = quote_data(spaces=[str(atrium.pk)], layout="", guests="401")
    assert list(client.post(quote_url(), no_layout).context["form"].errors) == ["guests"]


def test_no_space_chosen_leaves_the_choice_to_the_team(client):
    response = client.post(quote_url(), quote_data(spaces=[], layout="", guests="2000"))
    assert response.status_code == 302
    assert not QuoteRequest.objects.get().spaces.exists()


def test_dates_must_be_ahead_and_in_order(client):
    today = timezone.localdate()
    data = quote_data(event_date=today.isoformat(), end_date="")
    assert list(client.post(quote_url(), data).context["form"].errors) == ["event_date"]
    start = today + timedelta(days=30)
    data = quote_data(
        event_date=start.isoformat(), end_date=(start - timedelta(days=1)).isoformat()
    )
    assert list(client.post(quote_url(), data).context["form"].errors) == ["end_date"]


def test_spaces_of_another_listing_are_refused(client):
    other = demo_page("space-lab", "en")  # the English page, not on the French listing
    response = client.post(quote_url(), quote_data(spaces=[str(other.pk)]))
    assert list(response.context["form"].errors) == ["spaces"]


@pytest.mark.parametrize("space", ["99999999999999999999999", "-99999999999999999999999", "x"])
def test_a_space_id_that_no_space_can_have_is_refused(client, space):
    response = client.post(quote_url(), quote_data(spaces=[space]))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["spaces"]
    assert not QuoteRequest.objects.exists()


def test_a_quote_is_kept_when_the_mail_server_fails(
    client, notifications, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.enquiries.backends.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(quote_url(), quote_data()).status_code == 302
    quote = QuoteRequest.objects.get()
    assert not quote.notified and "SMTPServerDisconnected" in quote.notification_error


def test_the_event_type_starts_with_a_prompt_not_dashes(client):
    html = client.get(quote_url("en")).content.decode()
    select = html.split('name="event_type"')[1].split("</select>")[0]
    first = select.split("<option", 2)[1]
    assert 'value=""' in first and "Choose a type of event" in first
    assert "---------" not in select
