"""Fixtures shared by the tests of every request form."""

import pytest

from csti_cms.enquiries.models import EnquiryNotificationSettings


@pytest.fixture
def notifications(no_notification_lists, home_fr):
    """The demo site announces every request to one address of the team's own."""
    setting = EnquiryNotificationSettings.for_site(home_fr.get_site())
    setting.recipients = "ecoles@curiosa.example"
    setting.save()
    return setting


@pytest.fixture
def no_notification_lists(db):
    """No site names who is told of requests (the demo names its schools and events teams):
    requests go to the contact address."""
    EnquiryNotificationSettings.objects.all().delete()
