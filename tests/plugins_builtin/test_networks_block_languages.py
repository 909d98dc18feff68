"""The “Our networks” block leads to the memberships page in the visitor's language,
whatever becomes of the page editors chose, which is the French one."""

import pytest
from wagtail.models import PageViewRestriction

from csti_cms.core.models import ContentPage
from tests.conftest import demo_page

from .helpers import publish

pytestmark = pytest.mark.django_db


def page_with_networks(language, memberships_page):
    """A Dutch or English content page whose body holds the block, pointing at
    ``memberships_page`` as wagtail-localize stores it: the French source."""
    home = demo_page("home", language)
    block = {"heading": "Netwerken", "page": memberships_page}
    article = ContentPage(title="Samen", slug="samen", body=[("memberships_networks", block)])
    return publish(home.add_child(instance=article))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_block_stays_when_only_the_french_memberships_page_is_unpublished(client, language):
    french = demo_page("memberships-page", "fr")
    translation = demo_page("memberships-page", language)
    article = page_with_networks(language, french)
    french.unpublish()

    html = client.get(article.url).content.decode()
    assert 'class="networks-block"' in html
    assert f'href="{translation.url}"' in html
    assert french.url not in html


def test_the_block_leaves_out_a_memberships_page_restricted_to_some_visitors(client):
    french = demo_page("memberships-page", "fr")
    dutch = demo_page("memberships-page", "nl")
    article = page_with_networks("nl", french)
    assert 'class="networks-block"' in client.get(article.url).content.decode()

    for version in (french, dutch):
        PageViewRestriction.objects.create(page=version, restriction_type=PageViewRestriction.LOGIN)
    assert 'class="networks-block"' not in client.get(article.url).content.decode()
