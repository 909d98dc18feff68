"""The three audiences a science centre's site is organised around.

Visitors (families, individuals), teachers bringing school groups, and
organisations hiring a venue. Pages say which audiences they serve; hubs and
listings select on that. Each audience is a boolean column on the page types, so
the tagging is cheap to filter, needs no join, and wagtail-localize keeps it in
step across translations as a synchronised field.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    VISITORS = "visitors", _("Visitors")
    SCHOOLS = "schools", _("Teachers and school groups")
    VENUE_HIRE = "venue-hire", _("Venue hire and events")


#: The page field that records whether a page serves each audience.
AUDIENCE_FIELDS = {
    Audience.VISITORS: "for_visitors",
    Audience.SCHOOLS: "for_schools",
    Audience.VENUE_HIRE: "for_venue_hire",
}


def audience_q(audience):
    """A filter selecting pages that serve ``audience`` (an :class:`Audience` or its value)."""
    return Q(**{AUDIENCE_FIELDS[Audience(audience)]: True})


class AudienceTagged(models.Model):
    """Abstract fields for any model (page or not) that serves some of the audiences."""

    for_visitors = models.BooleanField(_("for visitors"), default=False)
    for_schools = models.BooleanField(_("for teachers and school groups"), default=False)
    for_venue_hire = models.BooleanField(_("for venue hire and events"), default=False)

    class Meta:
        abstract = True

    @property
    def audiences(self):
        return [audience for audience, field in AUDIENCE_FIELDS.items() if getattr(self, field)]
