"""Loading the demo again leaves the plugins' switches as the operator set them."""

import pytest
from django.conf import settings
from wagtail.models import Site

from csti_cms.core.demo_content import DemoContentLoader
from csti_cms.plugins import disable, is_enabled
from csti_cms.plugins.models import SitePlugin

pytestmark = pytest.mark.django_db


def load_demo_again():
    return DemoContentLoader(settings.CSTI_DEMO_CONTENT_DIR).load()


@pytest.mark.parametrize("label", ["memberships", "declarations"])
def test_a_plugin_switched_off_stays_off(label):
    demo_site = Site.objects.get(is_default_site=True)
    disable(label, demo_site)
    report = load_demo_again()
    assert not is_enabled(label, demo_site)
    assert f"plugin {label}" in report.kept


@pytest.mark.parametrize("label", ["memberships", "declarations"])
def test_a_plugin_the_site_never_switched_is_switched_on_and_counted(label):
    demo_site = Site.objects.get(is_default_site=True)
    SitePlugin.objects.filter(site=demo_site, label=label).delete()
    report = load_demo_again()
    assert is_enabled(label, demo_site)
    assert f"plugin {label}" in report.created
