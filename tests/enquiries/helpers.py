"""Requests as visitors leave them, and what the team reads of them in the admin."""

import csv
import io
import re
from contextlib import contextmanager
from datetime import timedelta

import openpyxl
from django.utils import timezone
from django.utils.translation import trans_real
from wagtail.models import Site

from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.conftest import demo_page
from tests.schools.helpers import next_weekday

BOOKINGS = "/admin/booking_requests/"
QUOTES = "/admin/quote_requests/"


def stored_booking(**fields):
    """A Dutch booking request for the demo activity, stored as the form would, with
    ``fields`` changed."""
    activity = demo_page("activity-colour-chemistry", "fr")
    fields = {
        "site": activity.get_site(),
        "language": "nl",
        "activity": activity,
        "activity_title": activity.title,
        "school_name": "Basisschool De Linde",
        "school_locality": "Leuven",
        "contact_name": "Pieter Janssens",
        "email": "pieter@school.example",
        "pupils": 20,
        "adults": 2,
        "preferred_date": next_weekday(10),
        "activity_language": "nl",
        **fields,
    }
    return BookingRequest.objects.create(**fields)


def stored_quote(**fields):
    """A quote request as a visitor leaves it with only the required answers."""
    fields = {
        "site": Site.objects.get(is_default_site=True),
        "language": "fr",
        "organisation": "Biotech Namur SA",
        "contact_name": "Sophie Lambert",
        "email": "sophie.lambert@biotech.example",
        "event_type": "conference",
        "event_date": timezone.localdate() + timedelta(days=60),
        "guests": 150,
        **fields,
    }
    return QuoteRequest.objects.create(**fields)


def read_only_values(html):
    """The values the edit view shows in its read-only panels, in page order."""
    return [
        value.strip()
        for value in re.findall(r'class="w-field__textoutput"[^>]*>(.*?)</div>', html, re.S)
    ]


def exported(client, url, export_format):
    """The bytes of the listing's export in ``export_format``, which Wagtail streams."""
    response = client.get(url, {"export": export_format})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(client, url):
    """The CSV export's rows as dictionaries, read past its byte order mark."""
    return list(csv.DictReader(io.StringIO(exported(client, url, "csv").decode("utf-8-sig"))))


def xlsx_rows(client, url):
    """The spreadsheet export's rows as dictionaries keyed by its header row."""
    sheet = openpyxl.load_workbook(io.BytesIO(exported(client, url, "xlsx"))).active
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


@contextmanager
def translated(language, msgid, msgstr):
    """``msgid`` translated as the project's translators would, for the block only."""
    catalog = trans_real.translation(language)._catalog._catalogs[0]
    missing = object()
    before = catalog.get(msgid, missing)
    catalog[msgid] = msgstr
    try:
        yield
    finally:
        if before is missing:
            del catalog[msgid]
        else:
            catalog[msgid] = before


def dashboard(client, site):
    """The admin's dashboard of ``site``, as its HTML."""
    response = client.get("/admin/", HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return response.content.decode()


def dashboard_link(url, text):
    """A pattern matching the dashboard's link to ``url`` reading ``text``."""
    return re.compile(rf'<a href="{re.escape(url)}">\s*{re.escape(text)}\s*</a>')
