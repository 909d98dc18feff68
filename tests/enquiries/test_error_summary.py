"""The error summary above a request form: each line is a sentence translators can shape."""

import pytest

from csti_cms.schools.models import BookingRequest
from tests.conftest import demo_page
from tests.enquiries.helpers import translated
from tests.schools.helpers import booking_data, booking_url

pytestmark = pytest.mark.django_db

SUMMARY_LINE = "%(label)s: %(error)s"


def summary_line(html, field):
    start = html.index(f'<li><a href="#id_{field}">')
    return html[start : html.index("</li>", start) + len("</li>")]


def test_an_english_summary_line_names_the_field_then_the_error(client):
    activity = demo_page("activity-colour-chemistry", "en")
    response = client.post(booking_url(activity), booking_data(activity, school_name=""))
    assert not BookingRequest.objects.exists()
    assert response.context["form"]["school_name"].label == "School"
    assert summary_line(response.content.decode(), "school_name") == (
        '<li><a href="#id_school_name">School: Write the name of your school.</a></li>'
    )


def test_the_summary_line_is_translatable_so_french_can_space_its_colon(client):
    activity = demo_page("activity-colour-chemistry", "fr")
    with translated("fr", SUMMARY_LINE, "%(label)s\u00a0: %(error)s"):
        response = client.post(booking_url(activity), booking_data(activity, school_name=""))
    label = response.context["form"]["school_name"].label
    line = summary_line(response.content.decode(), "school_name")
    assert f'<a href="#id_school_name">{label}\u00a0: ' in line
