"""The csti_plugins command switches exactly the site it is told, and warns only when it acts."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from wagtail.models import Site

from csti_cms.plugins.state import is_enabled
from tests.example_plugin.models import QuizPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def same_host_on_two_ports(site):
    staging = Site.objects.create(
        hostname=site.hostname, port=8080, root_page=site.root_page, site_name="staging"
    )
    return site, staging


def test_a_host_name_shared_by_several_sites_needs_its_port(same_host_on_two_ports):
    site, staging = same_host_on_two_ports
    with pytest.raises(
        CommandError, match="Several sites have the host name 'site-a.test'"
    ) as refused:
        call_command("csti_plugins", "enable", "quiz", "--site", "site-a.test")
    assert "site-a.test:80, site-a.test:8080. Give the port too" in str(refused.value)
    assert not is_enabled("quiz", site) and not is_enabled("quiz", staging)
    call_command("csti_plugins", "enable", "quiz", "--site", "site-a.test:8080")
    assert is_enabled("quiz", staging) and not is_enabled("quiz", site)


def test_an_invalid_port_is_refused(site):
    with pytest.raises(CommandError, match="Invalid port"):
        call_command("csti_plugins", "enable", "quiz", "--site", "site-a.test:http")


@pytest.fixture
def quiz_page_on(site, enable_plugin):
    enable_plugin("quiz", site)
    site.root_page.add_child(instance=QuizPage(title="Quiz", slug="quiz")).save_revision().publish()


def test_disable_refused_by_a_dependant_prints_no_warning(
    site, quiz_page_on, enable_plugin, monkeypatch, capsys
):
    monkeypatch.setattr(apps.get_app_config("memberships"), "depends_on", ("quiz",))
    enable_plugin("memberships", site)
    with pytest.raises(CommandError, match="memberships need.s. quiz"):
        call_command("csti_plugins", "disable", "quiz", "--site", "site-a.test")
    assert "warning:" not in capsys.readouterr().err
    assert is_enabled("quiz", site)


def test_disable_warns_before_switching_off(site, quiz_page_on, capsys):
    call_command("csti_plugins", "disable", "quiz", "--site", "site-a.test")
    assert "warning: 1 quiz pages will answer 404" in capsys.readouterr().err
    assert not is_enabled("quiz", site)
