"""The thank-you page after a booking or a quote: a receipt for whoever sent it, for no one else."""

import re
from html import unescape

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from csti_cms.enquiries.receipts import COOKIE_NAME, MAX_AGE, how_long_it_is_kept, set_receipt
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.conftest import demo_page
from tests.core.test_page_query_bound import PAGE_QUERY_BOUND
from tests.enquiries.helpers import stored_booking
from tests.schools.helpers import booking_data, booking_url, next_weekday
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db

#: The thank-you text every visitor gets, with a receipt or without.
THANK_YOU = {
    "fr": "Merci, votre demande de réservation a bien été envoyée",
    "nl": "Bedankt, je reservatieaanvraag is verstuurd",
}


def receipt(response):
    """``{label: value}`` of the receipt a page shows, ``None`` when it shows none."""
    html = response.content.decode()
    if 'class="receipt"' not in html:
        return None
    (facts,) = re.findall(r'class="receipt".*?<dl class="facts">(.*?)</dl>', html, re.S)
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", facts, re.S)
    return {unescape(label.strip()): unescape(value.strip()) for label, value in pairs}


def book(client, language="fr"):
    """Book the demo activity in ``language``; the redirect to the thank-you page."""
    activity = demo_page("activity-colour-chemistry", language)
    response = client.post(booking_url(activity), booking_data(activity))
    assert response.status_code == 302
    return response


def sent_page_of(activity):
    return activity.url + activity.reverse_subpage("booking_sent")


def written_out(enquiry, name):
    """The date ``name`` of ``enquiry`` as the e-mail to the team writes it."""
    return enquiry.notification_value(enquiry._meta.get_field(name))


def cookie_for(enquiry, sent_url):
    """The receipt cookie the site would give the sender of ``enquiry``."""
    response = HttpResponse()
    set_receipt(response, RequestFactory().get("/"), enquiry, sent_url)
    return response.cookies[COOKIE_NAME].value


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("fr", ("Référence", "Date souhaitée", "Nombre d’élèves", "Établissement scolaire")),
        ("nl", ("Referentie", "Voorkeursdatum", "Aantal leerlingen", "School")),
    ],
)
def test_the_teacher_who_booked_reads_what_they_asked_for(client, language, labels):
    sent = client.get(book(client, language)["Location"])
    booking = BookingRequest.objects.get()
    shown = receipt(sent)
    reference, day, pupils, school = labels
    assert shown[reference] == f"B-{booking.pk}"
    with translation.override(language):
        assert shown[day] == written_out(booking, "preferred_date")
    assert str(next_weekday(14).year) in shown[day]
    assert shown[pupils] == "22"
    assert shown[school] == "École communale des Tilleuls"
    assert THANK_YOU[language] in sent.content.decode()


def test_the_receipt_speaks_the_visitors_language_and_leaves_out_what_they_skipped(client):
    activity = demo_page("activity-colour-chemistry", "nl")
    data = booking_data(activity, alternative_date="", needs="")
    sent = client.get(client.post(booking_url(activity), data)["Location"])
    shown = receipt(sent)
    assert shown["Taal van de activiteit"] == "Nederlands"
    assert shown["Je naam"] == "Claire Dubois"
    assert not {"Andere mogelijke datum", "Behoeften en vragen"} & set(shown)
    assert "dinsdag" in shown["Voorkeursdatum"]


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("fr", ("Référence", "Date", "Nombre de personnes", "Organisation", "Type d’événement")),
        ("nl", ("Referentie", "Datum", "Aantal personen", "Organisatie", "Soort evenement")),
    ],
)
def test_the_organiser_who_asked_for_a_quote_reads_what_they_asked_for(client, language, labels):
    auditorium = demo_page("space-auditorium", language)
    response = client.post(quote_url(language), quote_data(spaces=[str(auditorium.pk)]))
    assert response.status_code == 302
    shown = receipt(client.get(response["Location"]))
    quote = QuoteRequest.objects.get()
    reference, day, guests, organisation, event_type = labels
    assert shown[reference] == f"Q-{quote.pk}"
    with translation.override(language):
        assert shown[day] == written_out(quote, "event_date")
    assert shown[guests] == "150"
    assert shown[organisation] == "Biotech Namur SA"
    assert shown[event_type] == {"fr": "Conférence", "nl": "Conferentie"}[language]
    assert auditorium.title in shown.values()


def test_the_cookie_goes_back_to_the_thank_you_page_only_and_never_to_scripts(client):
    response = book(client)
    cookie = response.cookies[COOKIE_NAME]
    activity = demo_page("activity-colour-chemistry", "fr")
    assert cookie["path"] == sent_page_of(activity)
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == MAX_AGE
    assert not cookie["secure"]
    data = booking_data(activity, school_name="Athénée royal")
    assert Client().post(booking_url(activity), data, secure=True).cookies[COOKIE_NAME]["secure"]


def test_without_the_cookie_the_page_only_thanks():
    activity = demo_page("activity-colour-chemistry", "fr")
    book(Client())
    sent = Client().get(sent_page_of(activity))
    assert sent.status_code == 200
    assert THANK_YOU["fr"] in sent.content.decode()
    assert receipt(sent) is None
    assert "École communale des Tilleuls" not in sent.content.decode()


def test_a_tampered_cookie_shows_nothing(client):
    location = book(client)["Location"]
    booking = BookingRequest.objects.get()
    other = stored_booking(school_name="Institut Saint-Louis")
    value = client.cookies[COOKIE_NAME].value
    client.cookies[COOKIE_NAME] = value.replace(f":{booking.pk}:", f":{other.pk}:")
    assert client.cookies[COOKIE_NAME].value != value
    sent = client.get(location)
    assert sent.status_code == 200 and receipt(sent) is None
    client.cookies[COOKIE_NAME] = "not a signature"
    assert receipt(client.get(location)) is None


def test_a_request_of_another_centre_is_not_shown(client, other_site):
    activity = demo_page("activity-colour-chemistry", "fr")
    theirs = stored_booking(site=other_site, school_name="Basisschool De Regenboog")
    client.cookies[COOKIE_NAME] = cookie_for(theirs, sent_page_of(activity))
    sent = client.get(sent_page_of(activity))
    assert sent.status_code == 200 and receipt(sent) is None
    assert "De Regenboog" not in sent.content.decode()


def test_a_quote_cookie_shows_no_booking_and_a_deleted_request_nothing(client):
    activity = demo_page("activity-colour-chemistry", "fr")
    quote = QuoteRequest.objects.create(**{**_quote_fields(), "site": activity.get_site()})
    client.cookies[COOKIE_NAME] = cookie_for(quote, sent_page_of(activity))
    assert receipt(client.get(sent_page_of(activity))) is None
    location = book(client)["Location"]
    BookingRequest.objects.all().delete()
    sent = client.get(location)
    assert sent.status_code == 200 and receipt(sent) is None


def _quote_fields():
    data = quote_data()
    return {
        "language": "fr",
        "organisation": data["organisation"],
        "contact_name": data["contact_name"],
        "email": data["email"],
        "event_type": data["event_type"],
        "event_date": data["event_date"],
        "guests": 150,
    }


def test_the_thank_you_page_is_kept_by_no_shared_cache(client):
    sent = client.get(book(client)["Location"])
    assert receipt(sent) is not None
    directives = {part.strip() for part in sent["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    plain = Client().get(sent_page_of(demo_page("activity-colour-chemistry", "fr")))
    assert {"private", "no-store"} <= {part.strip() for part in plain["Cache-Control"].split(",")}


def test_the_page_cache_hands_no_receipt_to_others_and_no_bare_thanks_to_the_sender(
    client, settings
):
    settings.CSTI_PAGE_CACHE_SECONDS = 60
    activity = demo_page("activity-colour-chemistry", "fr")
    # A visitor without the cookie comes first: the thanks they get must not be kept.
    assert receipt(Client().get(sent_page_of(activity))) is None
    location = book(client)["Location"]
    assert receipt(client.get(location)) is not None
    # Then others: the sender's receipt was not kept for them either.
    for _ in range(2):
        sent = Client().get(location)
        assert sent.status_code == 200 and receipt(sent) is None
        assert "École communale des Tilleuls" not in sent.content.decode()
    assert receipt(client.get(location)) is not None


def test_the_receipt_stays_under_the_query_bound_of_public_pages(client):
    location = book(client)["Location"]
    client.get(location)
    with CaptureQueriesContext(connection) as queries:
        sent = client.get(location)
    assert receipt(sent) is not None
    assert len(queries) <= PAGE_QUERY_BOUND


def test_the_team_finds_the_request_by_the_reference_its_sender_keeps(
    client, admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        redirect = book(client)
    booking = BookingRequest.objects.get()
    reference = receipt(client.get(redirect["Location"]))["Référence"]
    assert reference == booking.reference == f"B-{booking.pk}"
    assert reference in mailoutbox[0].body
    assert reference in admin_client.get("/admin/booking_requests/").content.decode()


# The receipt is the sender's only copy, for an hour: the page says so and offers to print it.


def test_the_receipt_puts_the_reference_first_and_says_the_page_goes_after_an_hour(client):
    html = client.get(book(client, "en")["Location"]).content.decode()
    reference = f"B-{BookingRequest.objects.get().pk}"
    (keep,) = re.findall(r'<div class="receipt__keep">(.*?)</div>', html, re.S)
    assert f"Your reference: <strong>{reference}</strong>" in keep
    assert (
        "Note it down: this page is only kept for 1 hour, and we do not send you a copy by "
        "e-mail." in keep
    )
    assert html.index('class="receipt__keep"') < html.index('<dl class="facts">')
    assert "Keep this page or print it" not in html


def test_the_receipt_offers_to_print_it_once_its_script_runs(client):
    """Hidden in the page, shown by a script file of the site's own: without JavaScript the
    button could not print, and the Content-Security-Policy allows no inline script."""
    html = client.get(book(client, "en")["Location"]).content.decode()
    (button,) = re.findall(r"<button[^>]*data-print-page[^>]*>.*?</button>", html, re.S)
    assert 'type="button"' in button and " hidden" in button
    assert ">Print this page</button>" in button
    assert re.search(r'<script src="[^"]*/csti_cms/js/print-page\.js" defer></script>', html)
    assert "onclick" not in html


def test_a_quote_receipt_offers_the_same(client):
    data = quote_data(spaces=[str(demo_page("space-auditorium", "en").pk)])
    html = client.get(client.post(quote_url("en"), data)["Location"]).content.decode()
    assert f"Your reference: <strong>{QuoteRequest.objects.get().reference}</strong>" in html
    assert "data-print-page" in html


@pytest.mark.parametrize(
    ("seconds", "said"),
    [(MAX_AGE, "1 hour"), (2 * 3600, "2 hours"), (30 * 60, "30 minutes"), (90 * 60, "90 minutes")],
)
def test_the_page_says_how_long_it_is_kept_as_the_cookie_lasts(seconds, said):
    with translation.override("en"):
        assert f"only kept for {said}," in how_long_it_is_kept(seconds)
