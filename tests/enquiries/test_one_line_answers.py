"""A one-line answer holds no line break, whatever the visitor pasted into it; a message
keeps its lines."""

import pytest
from django.core import mail

from csti_cms.enquiries.forms import on_one_line
from csti_cms.venues.models import QuoteRequest
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db


def test_line_breaks_in_one_line_answers_become_spaces(
    client, notifications, django_capture_on_commit_callbacks
):
    data = quote_data(
        organisation="Acme\r\nBcc: victim@example.org",
        contact_name=" John\n\tSmith ",
        phone="+32 81\r\n44 55 66",
        message="Bonjour,\r\n\r\nDeux jours de congrès.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(quote_url(), data).status_code == 302
    quote = QuoteRequest.objects.get()
    assert quote.organisation == "Acme Bcc: victim@example.org"
    assert quote.contact_name == "John Smith"
    assert quote.phone == "+32 81 44 55 66"
    assert quote.message == "Bonjour,\r\n\r\nDeux jours de congrès."
    assert quote.notified, "a line break in the subject would keep the e-mail from leaving"
    (message,) = mail.outbox
    assert "Acme Bcc: victim@example.org" in message.subject
    assert "John Smith" in message.body


def test_no_break_spaces_stay_where_french_puts_them():
    """Collapsing spaces must not undo French typography: « Atelier : … » keeps its
    no-break space before the colon, in an answer as in the e-mail's subject."""
    typed = "Atelier\u00a0: la\r\n chimie\u202f!"
    assert on_one_line(typed) == "Atelier\u00a0: la chimie\u202f!"
