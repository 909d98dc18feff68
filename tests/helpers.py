"""Helpers the whole suite shares: running commands as an operator would, signing in a team."""

import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

#: The checkout: where manage.py is.
ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    """``manage.py *args`` in a process of its own, with the settings ``env`` gives.

    Settings are read once per process: a variable that changes them needs a new process,
    started without the test run's ``DJANGO_SETTINGS_MODULE``.
    """
    environment = {**os.environ}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def sign_in_team_member(client, codenames, app_labels):
    """Sign ``client`` in as a centre's team member: the admin and ``codenames`` of
    ``app_labels``, no superuser powers."""
    user = get_user_model().objects.create_user("equipe", "equipe@example.org", "pw")
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=[*codenames, "access_admin"],
            content_type__app_label__in=[*app_labels, "wagtailadmin"],
        )
    )
    client.force_login(user)
    return client
