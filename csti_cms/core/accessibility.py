"""Accessibility as editors state it for an event, a room or a school activity.

Wheelchair access (yes, no, or not stated) and free notes on the rest, declared once so that
the three page types ask the same question and feeds give the same answer.
"""

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


def accessibility_notes_field(examples):
    """The notes that go beyond wheelchair access, with ``examples`` of what fits the place.

    Free text because needs vary (induction loop, sign language, quiet room); translated with
    the page, unlike the wheelchair answer, which holds in every language.
    """
    return models.TextField(_("accessibility"), blank=True, help_text=examples)
