"""Fixtures of the built-in plugins' tests of an install shared by several centres."""

import pytest
from wagtail.models import Site


@pytest.fixture
def centre_a(db):
    """The demo centre, the default site, with the demo's memberships and endorsements."""
    return Site.objects.get(is_default_site=True)
