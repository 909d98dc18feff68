"""Visitors' requests are scoped to each centre by the same code as the plugins' data.

The requests' admin viewsets use :class:`csti_cms.core.site_scope.SiteScopedViewSetMixin`,
so the views Wagtail builds outside a viewset, such as bulk actions, which take any ids
in their address, refuse another centre's request as the viewset's own views do.
"""

import pytest
from django.contrib.auth import get_user_model
from django.http import Http404

from csti_cms.core.site_scope import refuse_other_sites_objects

pytestmark = pytest.mark.django_db


def admin_request(rf, site, user):
    """A request to the admin on ``site``'s host name, made by ``user``."""
    request = rf.get("/admin/", HTTP_HOST=site.hostname)
    request.user = user
    return request


def test_a_bulk_action_on_another_centres_request_answers_not_found(
    rf,
    bookings,
    centre_b,
):
    booking_a, booking_b = bookings
    team_member = get_user_model().objects.create_user("equipe", "equipe@example.org", "pw")
    request = admin_request(rf, centre_b, team_member)
    with pytest.raises(Http404):
        refuse_other_sites_objects(request, [booking_b, booking_a])
    refuse_other_sites_objects(request, [booking_b])


def test_a_bulk_action_by_a_superuser_takes_every_centres_requests(
    rf,
    bookings,
    centre_b,
):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    refuse_other_sites_objects(admin_request(rf, centre_b, root), bookings)
