"""Operators manage plugins from the command line and the admin screen."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Site

from csti_cms.plugins.state import is_enabled
from tests.example_plugin.models import QuizPage, QuizTheme
from tests.helpers import sign_in_team_member

pytestmark = pytest.mark.django_db


def test_list_shows_every_plugin_and_its_state_per_site(capsys, site, other_site, enable_plugin):
    enable_plugin("quiz", site)
    call_command("csti_plugins", "list")
    out = capsys.readouterr().out
    assert "quiz 1.0.0" in out
    assert "site-a.test:80  on" in out
    assert "site-b.test:80  off" in out


def test_enable_and_disable_by_host_name(site, capsys):
    call_command("csti_plugins", "enable", "quiz", "--site", "site-a.test")
    assert is_enabled("quiz", site)
    call_command("csti_plugins", "disable", "quiz", "--site", "site-a.test")
    assert not is_enabled("quiz", site)


def test_unknown_site_or_plugin_is_a_clear_error(site):
    with pytest.raises(CommandError, match="No site with host name"):
        call_command("csti_plugins", "enable", "quiz", "--site", "nowhere.test")
    with pytest.raises(CommandError, match="No installed plugin 'planetarium'"):
        call_command("csti_plugins", "enable", "planetarium", "--site", "site-a.test")


def test_uninstall_refuses_while_content_exists(site, enable_plugin):
    enable_plugin("quiz", site)
    site.root_page.add_child(instance=QuizPage(title="Quiz", slug="quiz"))
    with pytest.raises(CommandError, match="still has content.*--delete-content"):
        call_command("csti_plugins", "uninstall", "quiz")
    assert QuizPage.objects.exists()


def test_admin_screen_switches_plugins_per_site(client, site, other_site):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    listing = client.get(reverse("csti_plugins"), {"site": site.pk})
    assert listing.status_code == 200
    assert "Science quiz" in listing.content.decode()
    switch = reverse("csti_plugins_switch", args=[site.pk, "quiz"])
    assert client.post(switch, {"enabled": "1"}).status_code == 302
    assert is_enabled("quiz", site) and not is_enabled("quiz", other_site)
    site.root_page.add_child(instance=QuizPage(title="Quiz", slug="quiz")).save_revision().publish()
    confirm = client.get(switch)
    assert "1 quiz pages will answer 404" in confirm.content.decode()
    client.post(switch, {"enabled": "0"})
    assert not is_enabled("quiz", site)
    assert QuizPage.objects.count() == 1 and QuizTheme.objects.count() == 0


def test_admin_screen_is_for_administrators_only(client, site):
    """A centre's team reaches the admin, even the switches' history, but switches nothing.

    Wagtail answers a refusal inside its admin by sending the user back to the dashboard.
    """
    sign_in_team_member(client, ["view_siteplugin"], ["csti_plugins"])
    dashboard = reverse("wagtailadmin_home")
    switch = reverse("csti_plugins_switch", args=[site.pk, "quiz"])
    for response in (
        client.get(reverse("csti_plugins")),
        client.get(switch),
        client.post(switch, {"enabled": "1"}),
    ):
        assert (response.status_code, response.headers.get("Location")) == (302, dashboard)
    assert not is_enabled("quiz", site)


def test_admin_screen_without_any_site_asks_for_one_first(client):
    Site.objects.all().delete()
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    response = client.get(reverse("csti_plugins"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "there is no site yet" in html and reverse("wagtailsites:add") in html
    assert "Switch on" not in html and 'name="site"' not in html


def test_admin_screen_offers_no_switch_off_while_another_plugin_needs_it(
    client, site, enable_plugin, monkeypatch
):
    memberships = apps.get_app_config("memberships")
    monkeypatch.setattr(memberships, "depends_on", ("quiz",))
    enable_plugin("quiz", site)
    enable_plugin("memberships", site)
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    confirm = client.get(reverse("csti_plugins_switch", args=[site.pk, "quiz"]))
    html = confirm.content.decode()
    assert "cannot be switched off while these plugins" in html
    assert str(memberships.verbose_name) in html
    assert 'name="enabled"' not in html
