"""An event's status keeps its meaning in a language csti-cms has no catalogue for.

Bare, "Cancelled" is found in another package's German catalogue as "Gelöscht" (deleted):
a German visitor would read that the centre deleted the event, not that it was called off.
"""

from django.utils import translation

from csti_cms.agenda.models import EventStatus


def test_a_cancelled_event_does_not_read_deleted_in_german():
    # What ``get_status_display`` and the templates show; read without a page, which would
    # need the database for its content type.
    with translation.override("de"):
        shown = str(EventStatus.CANCELLED.label)
    assert shown != "Gelöscht"
