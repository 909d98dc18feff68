"""The past memberships' heading reads as one phrase in every language.

"Our memberships: past memberships" says "memberships" twice and hard-codes an
English colon; the page's own title is already in the breadcrumbs.
"""

import re
from html import unescape

import pytest
from django.utils import translation

from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db


def heading(html):
    (h1,) = re.findall(r"<h1>(.*?)</h1>", html, re.S)
    return unescape(h1).strip()


def breadcrumbs(html):
    return unescape(re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group())


@pytest.mark.parametrize("language", LANGUAGES)
def test_past_memberships_are_headed_by_themselves_under_the_pages_title(client, language):
    page = demo_page("memberships-page", language)
    with translation.override(language):
        past_url = page.url + page.reverse_subpage("past")
        expected = translation.gettext("Past memberships")
    html = client.get(past_url).content.decode()
    assert heading(html) == expected
    assert page.title in breadcrumbs(html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_current_memberships_are_headed_by_the_pages_title(client, language):
    page = demo_page("memberships-page", language)
    assert heading(client.get(page.url).content.decode()) == page.title
