"""A centre publishing one language shows no language switcher: nothing to switch to."""

import pytest

from tests.core.language_centres import TECHNOPOLIS, WALLOON, get, technopolis, walloon_centre

pytestmark = pytest.mark.django_db

SWITCHER = '<nav class="language-switcher"'


def test_a_french_only_centre_has_no_language_switcher(client):
    walloon_centre()
    response = get(client, WALLOON, "/fr/")
    assert response.status_code == 200
    html = response.content.decode()
    assert SWITCHER not in html
    assert "language-choice.js" not in html, "nor its script"


def test_a_centre_in_two_languages_offers_the_other(client):
    technopolis()
    html = get(client, TECHNOPOLIS, "/nl/").content.decode()
    switcher = html.split(SWITCHER, 1)[1].split("</nav>", 1)[0]
    assert 'hreflang="fr"' in switcher
    assert 'hreflang="en"' not in switcher, "English is not published"


def test_the_not_found_page_of_a_french_only_centre_has_no_switcher(client):
    walloon_centre()
    response = get(client, WALLOON, "/fr/nope/")
    assert response.status_code == 404
    assert SWITCHER not in response.content.decode()
