"""Fixtures shared by the tests of every request form."""

import pytest

from csti_cms.enquiries.models import EnquiryNotificationSettings


@pytest.fixture
def notifications(db, home_fr):
    """The demo site announces requests to the team's own address."""
    setting = EnquiryNotificationSettings.for_site(home_fr.get_site())
    setting.recipients = "ecoles@curiosa.example"
    setting.save()
    return setting
