"""``/robots.txt`` and the sitemap are read, never written to: other methods answer 405.

A crawler or a scanner sending ``POST``, ``PUT``, ``DELETE`` or ``TRACE`` there gets
"method not allowed", as on the site's other views that only show something (the
search, ``/favicon.ico``), not the file as if the request had done something.
"""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

READ_ONLY_ADDRESSES = ["/robots.txt", "/sitemap.xml"]


@pytest.mark.parametrize("address", READ_ONLY_ADDRESSES)
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "TRACE"])
def test_robots_txt_and_the_sitemap_refuse_methods_that_are_no_reading(address, method):
    # As on the server: without a CSRF token, a POST met the CSRF check's 403 first.
    response = Client(enforce_csrf_checks=True).generic(method, address)
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}


@pytest.mark.parametrize("address", READ_ONLY_ADDRESSES)
def test_robots_txt_and_the_sitemap_still_answer_get_and_head(client, address):
    assert client.get(address).status_code == 200
    assert client.head(address).status_code == 200
