"""Every plugin switch stays in Wagtail's history: who switched which plugin, where and when."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from csti_cms.plugins import enable
from csti_cms.plugins.models import SitePlugin

pytestmark = pytest.mark.django_db


def plugin_switches(site):
    """The history of switches on ``site`` (the demo content switched plugins on its own sites)."""
    rows = SitePlugin.objects.filter(site=site).values_list("pk", flat=True)
    return ModelLogEntry.objects.filter(
        action__startswith="csti_plugins.", object_id__in=[str(pk) for pk in rows]
    ).order_by("id")


def test_switching_in_the_admin_leaves_one_entry_per_switch_with_its_user(
    english_admin_client, admin_user, site
):
    switch = reverse("csti_plugins_switch", args=[site.pk, "quiz"])
    english_admin_client.post(switch, {"enabled": "1"})
    english_admin_client.post(switch, {"enabled": "0"})
    entries = list(plugin_switches(site))
    assert [entry.action for entry in entries] == ["csti_plugins.enable", "csti_plugins.disable"]
    assert all(entry.user == admin_user for entry in entries)
    assert all(entry.data == {"plugin": "quiz", "site": site.site_name} for entry in entries)
    row = SitePlugin.objects.get(site=site, label="quiz")
    assert {entry.object_id for entry in entries} == {str(row.pk)}


def test_a_command_switch_is_logged_without_a_user(site):
    call_command("csti_plugins", "enable", "quiz", "--site", "site-a.test")
    entry = plugin_switches(site).get()
    assert entry.action == "csti_plugins.enable" and entry.user is None
    assert entry.data["plugin"] == "quiz"


def test_a_switch_whose_callback_fails_leaves_no_entry(site, monkeypatch):
    def broken_installed(site):
        raise RuntimeError("the planetarium projector is unplugged")

    monkeypatch.setattr(apps.get_app_config("quiz"), "installed", broken_installed)
    entries_before = ModelLogEntry.objects.count()
    with pytest.raises(RuntimeError):
        enable("quiz", site)
    assert ModelLogEntry.objects.count() == entries_before


def test_site_history_names_plugin_and_site(english_admin_client, site):
    switch = reverse("csti_plugins_switch", args=[site.pk, "quiz"])
    english_admin_client.post(switch, {"enabled": "1"})
    english_admin_client.post(switch, {"enabled": "0"})
    html = english_admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Switched the “Science quiz” plugin on for site-a.test" in html
    assert "Switched the “Science quiz” plugin off for site-a.test" in html


def test_site_history_names_the_plugin_in_the_readers_language(
    english_admin_client, admin_user, site
):
    switch = reverse("csti_plugins_switch", args=[site.pk, "memberships"])
    english_admin_client.post(switch, {"enabled": "1"})
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "nl"
    profile.save()
    html = english_admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Lidmaatschappen" in html


def test_a_centre_manager_given_the_view_permission_reads_the_switches(
    client, english_admin_client, site
):
    switch = reverse("csti_plugins_switch", args=[site.pk, "quiz"])
    english_admin_client.post(switch, {"enabled": "1"})
    manager = get_user_model().objects.create_user("manager", "m@example.org", "pw")
    manager.user_permissions.add(
        Permission.objects.get(content_type__app_label="csti_plugins", codename="view_siteplugin"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    UserProfile.objects.create(user=manager, preferred_language="en")
    client.force_login(manager)
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Switched the “Science quiz” plugin on for site-a.test" in html


def test_the_view_permission_is_offered_to_groups():
    from wagtail import hooks

    offered = [perm for hook in hooks.get_hooks("register_permissions") for perm in hook()]
    assert "view_siteplugin" in {perm.codename for perm in offered}


def test_uninstalling_leaves_a_switch_off_entry_for_each_site_it_was_on(site, monkeypatch, caplog):
    """The rows of the plugin's switches go with it; its history stays."""
    from csti_cms.plugins import uninstall

    enable("quiz", site)
    # Dropping the example plugin's tables would break the other tests of this run.
    monkeypatch.setattr(uninstall, "call_command", lambda *args, **kwargs: None)
    uninstall.uninstall("quiz", delete_content=True)
    assert not SitePlugin.objects.filter(label="quiz").exists()
    entry = ModelLogEntry.objects.filter(action="csti_plugins.disable").latest("id")
    assert entry.data == {"plugin": "quiz", "site": site.site_name} and entry.user is None
    assert "plugin quiz disabled on" in caplog.text
