"""An endorsement reads in the editor's words: no database keys, Yes or No, local times.

Wagtail's inspect view showed the keys that tell endorsements apart for the database,
"True", "False" and "None", a language code and times in UTC; the listing's Confirmed
icon said "True" or "False", in English, to screen readers.
"""

import html
import re
from datetime import UTC, datetime

import pytest

from csti_cms.plugins.declarations.models import Endorsement
from tests.conftest import demo_page

from .helpers import MECHELEN, make_endorsement

pytestmark = pytest.mark.django_db

FIELD = re.compile(r"<dt>(.*?)</dt>\s*<dd>\s*(.*?)\s*</dd>", re.S)


def inspected(client, endorsement):
    response = client.get(f"/admin/endorsements/inspect/{endorsement.pk}/")
    assert response.status_code == 200
    return {
        html.unescape(label): html.unescape(value)
        for label, value in FIELD.findall(response.content.decode())
    }


def test_the_inspect_view_reads_in_the_editors_words(english_admin_client):
    endorsement = make_endorsement(
        demo_page(MECHELEN, "fr"),
        "Musée des Sciences de Liège",
        confirmed=False,
        status="pending",
        language="nl",
    )
    Endorsement.objects.filter(pk=endorsement.pk).update(
        submitted_at=datetime(2026, 12, 7, 3, 25, 1, 517444, tzinfo=UTC)
    )
    fields = inspected(english_admin_client, endorsement)
    assert "Declaration key" not in fields and "Organisation key" not in fields
    assert "ID" not in fields and "Id" not in fields
    assert fields["Declaration"] == demo_page(MECHELEN, "en").title
    assert fields["Language"] == "Dutch"
    assert fields["Moderation"] == "Awaiting moderation"
    assert fields["Consent to publication"] == "Yes"
    assert fields["Confirmation e-mail not sent"] == "No"
    assert fields["Submitted"] == "7 December 2026, 04:25"
    assert fields["Confirmed"] == fields["Moderated"] == "—"


def test_the_listing_says_whether_confirmed_in_the_editors_language(english_admin_client):
    make_endorsement(demo_page(MECHELEN), "Musée des Sciences de Liège", confirmed=False)
    page_html = english_admin_client.get("/admin/endorsements/").content.decode()
    row = page_html[page_html.index("Musée des Sciences de Liège") :].split("</tr>")[0]
    cells = [" ".join(cell.split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert "No" in cells
    assert 'title="False"' not in row and 'title="True"' not in row
