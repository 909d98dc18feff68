"""The plugins screen works by keyboard and reads well to a screen reader."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def screen(client, site, other_site, enable_plugin):
    enable_plugin("quiz", site)
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    response = client.get(reverse("csti_plugins"), {"site": site.pk})
    assert response.status_code == 200
    return response.content.decode()


def test_choosing_a_site_waits_for_the_show_button(screen):
    """A list that submitted itself on change sent a keyboard user to the first site the
    arrow keys reached; the button is there whether scripts run or not."""
    select = re.search(r"<select[^>]*>", screen).group()
    assert "onchange" not in select
    assert "<noscript>" not in screen
    assert re.search(r'<button class="button button-small" type="submit">\s*Show', screen)


def test_the_heading_names_the_site_shown(screen, site):
    heading = re.search(r"<h1.*?</h1>", screen, re.S).group()
    assert str(site) in heading


def test_each_switch_names_its_plugin_to_screen_readers(screen):
    assert '<th scope="row"><strong>Science quiz</strong>' in screen
    assert "<th>Action</th>" in screen
    assert 'Switch off…<span class="w-sr-only"> Science quiz</span>' in screen
    assert re.search(r'Switch on<span class="w-sr-only"> \w', screen)
