"""The demo's administrator can use the whole admin from the first login."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict
from wagtail.admin.forms.account import NameEmailForm

pytestmark = pytest.mark.django_db


def test_the_demo_admin_can_save_their_account_preferences(settings, monkeypatch):
    """Wagtail saves the admin's language only with a valid name and e-mail form."""
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-pass-123")
    call_command("ensure_demo_admin", "--username", "demo-editor", stdout=StringIO())
    user = get_user_model().objects.get(username="demo-editor")
    form = NameEmailForm(data=model_to_dict(user, NameEmailForm._meta.fields), instance=user)
    assert form.is_valid(), form.errors


def test_the_demo_admin_is_refused_on_a_real_site(settings):
    """A known superuser login must never be made where DEBUG is off: a centre's live site."""
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG on; use createsuperuser"):
        call_command("ensure_demo_admin", "--username", "demo-editor", stdout=StringIO())
    assert not get_user_model().objects.filter(username="demo-editor").exists()
