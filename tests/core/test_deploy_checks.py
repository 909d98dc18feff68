"""``check --deploy`` tells an operator when the site's e-mail would reach nobody.

The development defaults write mail to the log, send it from ``webmaster@localhost`` and link
to the admin at ``http://127.0.0.1:8000``: right on a workstation, silent failures on a
server, so they are deploy checks only.
"""

import pytest
from django.core.checks import registry

from csti_cms.core import checks

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize("backend", ["console", "locmem", "dummy", "filebased"])
def test_a_backend_that_delivers_nothing_is_named(settings, backend):
    settings.EMAIL_BACKEND = f"django.core.mail.backends.{backend}.EmailBackend"
    [warning] = checks.check_email_backend(app_configs=None)
    assert warning.id == "csti_core.W006"
    assert f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}" in warning.msg


@pytest.mark.parametrize("backend", [SMTP, "anymail.backends.mailgun.EmailBackend"])
def test_a_backend_that_delivers_passes(settings, backend):
    settings.EMAIL_BACKEND = backend
    assert checks.check_email_backend(app_configs=None) == []


@pytest.mark.parametrize(
    "sender", ["webmaster@localhost", "Curiosa <web@LOCALHOST>", "", "webmaster"]
)
def test_a_sender_address_mail_servers_refuse_is_named(settings, sender):
    settings.DEFAULT_FROM_EMAIL = sender
    [warning] = checks.check_sender_address(app_configs=None)
    assert warning.id == "csti_core.W007"
    assert f"DEFAULT_FROM_EMAIL is {sender!r}" in warning.msg


@pytest.mark.parametrize("sender", ["web@curiosa.example", "Curiosa <web@curiosa.example>"])
def test_a_sender_of_the_centre_s_domain_passes(settings, sender):
    settings.DEFAULT_FROM_EMAIL = sender
    assert checks.check_sender_address(app_configs=None) == []


def test_an_admin_address_the_site_does_not_answer_to_is_named(settings):
    settings.ALLOWED_HOSTS = ["www.curiosa.example"]
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    [warning] = checks.check_admin_address(app_configs=None)
    assert warning.id == "csti_core.W008"
    assert "WAGTAILADMIN_BASE_URL is 'http://127.0.0.1:8000'" in warning.msg


@pytest.mark.parametrize("hosts", [["www.curiosa.example"], [".curiosa.example"], ["*"]])
def test_an_admin_address_among_the_allowed_hosts_passes(settings, hosts):
    settings.ALLOWED_HOSTS = hosts
    settings.WAGTAILADMIN_BASE_URL = "https://www.curiosa.example"
    assert checks.check_admin_address(app_configs=None) == []


def test_the_mail_checks_run_with_deploy_only():
    deploy_checks = {
        checks.check_email_backend,
        checks.check_sender_address,
        checks.check_admin_address,
    }
    assert deploy_checks <= set(registry.registry.get_checks(include_deployment_checks=True))
    assert not deploy_checks & set(registry.registry.get_checks())
