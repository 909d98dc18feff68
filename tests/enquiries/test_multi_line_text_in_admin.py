"""A message of several lines reads as the visitor wrote it in the admin, never as HTML."""

import pytest

from tests.enquiries.helpers import BOOKINGS, QUOTES, stored_booking, stored_quote

pytestmark = pytest.mark.django_db

MESSAGE = "Bonjour,\r\nNous serions 80.\n\nMerci <b>beaucoup</b> & à bientôt"
SHOWN = "Bonjour,<br>Nous serions 80.<br><br>Merci &lt;b&gt;beaucoup&lt;/b&gt; &amp; à bientôt"


@pytest.mark.parametrize("view", ["edit", "inspect"])
def test_a_quote_message_keeps_its_lines(english_admin_client, view):
    quote = stored_quote(message=MESSAGE)
    html = english_admin_client.get(f"{QUOTES}{view}/{quote.pk}/").content.decode()
    assert SHOWN in html
    assert "<b>beaucoup" not in html


@pytest.mark.parametrize("view", ["edit", "inspect"])
def test_a_booking_s_needs_and_a_notification_error_keep_their_lines(english_admin_client, view):
    booking = stored_booking(
        needs="Un élève en fauteuil.\nPique-nique à 12 h <script>alert(1)</script>",
        notification_error="SMTPDataError: 554\nMessage refused",
    )
    html = english_admin_client.get(f"{BOOKINGS}{view}/{booking.pk}/").content.decode()
    assert (
        "Un élève en fauteuil.<br>Pique-nique à 12 h &lt;script&gt;alert(1)&lt;/script&gt;" in html
    )
    assert "SMTPDataError: 554<br>Message refused" in html
    assert "<script>alert(1)" not in html


def test_a_one_line_field_is_shown_as_typed(english_admin_client):
    quote = stored_quote(organisation="Biotech <Namur> SA")
    html = english_admin_client.get(f"{QUOTES}edit/{quote.pk}/").content.decode()
    assert "Biotech &lt;Namur&gt; SA" in html
