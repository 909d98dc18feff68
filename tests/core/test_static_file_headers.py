"""Static files leave before the page middleware: with the security headers a file needs
(nosniff), without the page policies that weigh more than some of the files."""

import pytest
from django.templatetags.static import static
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
def test_a_script_comes_without_the_page_policies():
    response = Client().get(static("csti_cms/js/site-menu.js"))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in response
    assert "Permissions-Policy" not in response


def test_a_page_keeps_them(client):
    response = client.get("/fr/")
    assert "Content-Security-Policy" in response
    assert "Permissions-Policy" in response
