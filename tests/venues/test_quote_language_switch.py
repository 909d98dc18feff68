"""Switching language on the quote form keeps the spaces the organiser ticked."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

SWITCHER_LINK = re.compile(r'<a href="([^"]+)" hreflang="([a-z]{2})"')
HREFLANG = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
CHECKED = re.compile(r'<input type="checkbox" name="spaces" value="(\d+)"[^>]* checked')


def quote_url(language):
    listing = demo_page("venue-spaces", language)
    return listing.url + listing.reverse_subpage("quote")


def switcher(html):
    return {code: unescape(url) for url, code in SWITCHER_LINK.findall(html)}


def test_the_dutch_form_ticks_the_translation_of_the_french_space(client):
    auditorium, atrium = demo_page("space-auditorium", "fr"), demo_page("space-atrium", "fr")
    html = client.get(quote_url("fr"), {"space": [auditorium.pk, atrium.pk]}).content.decode()
    dutch = [demo_page("space-auditorium", "nl").pk, demo_page("space-atrium", "nl").pk]
    expected = f"{quote_url('nl')}?space={dutch[0]}&space={dutch[1]}"
    assert switcher(html)["nl"] == expected
    assert dict(HREFLANG.findall(unescape(html)))["nl"] == f"http://testserver{quote_url('nl')}"

    followed = client.get(switcher(html)["nl"]).content.decode()
    assert sorted(CHECKED.findall(followed)) == sorted(str(pk) for pk in dutch)


def test_a_space_not_translated_or_not_a_page_is_left_unticked(client):
    auditorium = demo_page("space-auditorium", "fr")
    demo_page("space-auditorium", "en").unpublish()
    html = client.get(
        quote_url("fr"), {"space": [auditorium.pk, "999999", "x", "9" * 30]}
    ).content.decode()
    links = switcher(html)
    assert links["en"] == quote_url("en")
    assert links["nl"] == f"{quote_url('nl')}?space={demo_page('space-auditorium', 'nl').pk}"


def test_spaces_cost_one_query_however_many_are_ticked(client):
    spaces = [demo_page(key, "fr").pk for key in ("space-auditorium", "space-atrium")]

    def queries(chosen):
        client.get(quote_url("fr"), {"space": chosen})
        with CaptureQueriesContext(connection) as captured:
            client.get(quote_url("fr"), {"space": chosen})
        return len(captured)

    plain = queries([])
    assert queries(spaces[:1]) <= plain + 1
    assert queries(spaces) == queries(spaces[:1])


@pytest.mark.parametrize("space", ["9" * 5000, "99999999999", "-3", "٣"])
def test_a_space_number_no_page_can_have_answers_cleanly(client, space):
    """Python refuses to read an integer of thousands of digits: the switcher must not try."""
    response = client.get(quote_url("fr"), {"space": space})
    assert response.status_code == 200
    assert "space=" not in switcher(response.content.decode()).get("nl", "")


def test_the_comparison_keeps_its_guests_and_layout_in_the_other_language(client):
    french = demo_page("venue-spaces", "fr")
    html = client.get(french.url, {"guests": "40", "layout": "banquet", "page": "2"}).content
    dutch = switcher(html.decode())["nl"]
    assert dutch.startswith(demo_page("venue-spaces", "nl").url + "?")
    assert sorted(dutch.split("?", 1)[1].split("&")) == ["guests=40", "layout=banquet"]
    assert client.get(dutch).status_code == 200


def test_filters_that_do_not_validate_are_left_behind(client):
    """As the comparison itself: a wrong value is ignored, the valid filter still applies."""
    french = demo_page("venue-spaces", "fr")
    html = client.get(french.url, {"guests": "beaucoup", "layout": "banquet"}).content.decode()
    assert switcher(html)["nl"] == demo_page("venue-spaces", "nl").url + "?layout=banquet"
    html = client.get(french.url, {"guests": "beaucoup"}).content.decode()
    assert switcher(html)["nl"] == demo_page("venue-spaces", "nl").url
