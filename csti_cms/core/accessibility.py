"""Wheelchair access as editors state it for an event or a room: yes, no, or not stated."""

from django.db import models
from django.utils.translation import gettext_lazy as _

#: Three answers, as on the practical information page: an unanswered question is not a
#: "no", which would send a wheelchair user away from an event or a room nobody checked.
WHEELCHAIR_ACCESS = [
    (True, _("Accessible in a wheelchair")),
    (False, _("Not accessible in a wheelchair")),
    (None, _("Not stated")),
]


def wheelchair_access_field():
    """The field of a page that tells visitors, and partners' feeds, whether it is accessible.

    Null until an editor answers: feeds give ``null``, pages invite visitors to ask.
    """
    return models.BooleanField(
        _("wheelchair accessible"), choices=WHEELCHAIR_ACCESS, null=True, blank=True, default=None
    )
