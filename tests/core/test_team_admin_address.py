"""Links in a team's e-mails open the admin on the team's own site, on any install.

``WAGTAILADMIN_BASE_URL`` is used when it names the site's own host name. Left at its
development default, or naming a host no site has, it would lead where the team cannot
follow, though Wagtail serves such a host from the default site: the site's own address
is used instead.
"""

import pytest
from wagtail.models import Site

from csti_cms.core.teams import admin_base_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def curiosa():
    """The install's one centre, the default site, at its public address."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.curiosa.example", 443
    site.save()
    return site


def test_a_setting_left_at_its_default_gives_way_to_the_centre_s_address(settings, curiosa):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert admin_base_url(curiosa) == "https://www.curiosa.example"


def test_a_setting_naming_another_host_gives_way_to_the_centre_s_address(settings, curiosa):
    settings.WAGTAILADMIN_BASE_URL = "https://curiosa.example"
    assert admin_base_url(curiosa) == "https://www.curiosa.example"


def test_a_setting_naming_the_centre_s_host_is_used(settings, curiosa):
    settings.WAGTAILADMIN_BASE_URL = "https://www.curiosa.example:8443/"
    assert admin_base_url(curiosa) == "https://www.curiosa.example:8443"


def test_a_request_of_no_site_links_through_the_setting(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://www.curiosa.example/"
    assert admin_base_url(None) == "https://www.curiosa.example"
