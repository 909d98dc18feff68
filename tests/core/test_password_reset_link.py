"""A password reset asked on a centre's host name links back to that host's admin.

Wagtail links to ``WAGTAILADMIN_BASE_URL``, the first centre's address or a development
default; the second centre's team would land where the reset link does not work for
them. A host name no site has (a forged Host header) never makes the link.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        username="editor", email="editor@centre-b.example", password="x-Secret-42"
    )


def reset_link(client, host):
    response = client.post(RESET, {"email": "editor@centre-b.example"}, HTTP_HOST=host)
    assert response.status_code == 302
    (message,) = mail.outbox
    (link,) = [line for line in message.body.splitlines() if "/confirm/" in line]
    return link


def test_the_link_opens_the_admin_of_the_centre_it_was_asked_on(
    client, settings, editor, other_site
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    link = reset_link(client, "site-b.test")
    assert link.startswith(f"http://site-b.test{RESET}confirm/")


def test_a_host_no_site_has_gets_the_install_s_admin_address(client, settings, editor, other_site):
    settings.WAGTAILADMIN_BASE_URL = "https://admin.curiosa.example"
    link = reset_link(client, "attacker.example")
    assert link.startswith(f"https://admin.curiosa.example{RESET}confirm/")


def test_a_host_with_a_port_no_server_has_gets_the_install_s_admin_address(
    client, settings, editor
):
    """``ALLOWED_HOSTS`` checks the name, not the port: "attacker.example:99999" comes
    through, and must give a link, not a server error."""
    settings.WAGTAILADMIN_BASE_URL = "https://admin.curiosa.example"
    link = reset_link(client, "attacker.example:99999")
    assert link.startswith(f"https://admin.curiosa.example{RESET}confirm/")
