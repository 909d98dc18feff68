"""An organisation's request for a quote, as stored for the team."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from csti_cms.core.dates import day_date
from csti_cms.core.fields import ChoiceListField
from csti_cms.enquiries.models import Enquiry

from .choices import CATERING, EventType, Layout


class QuoteRequest(Enquiry):
    """What the organiser asked for; the team answers with a quote and sets the status.

    The spaces are links to their pages; their names are shown in the export and
    the e-mail. A deleted space page simply drops out of the request's list.
    """

    organisation = models.CharField(_("organisation"), max_length=200)
    event_type = models.CharField(_("type of event"), max_length=20, choices=EventType.choices)
    event_date = models.DateField(_("date"))
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("For an event over several days.")
    )
    guests = models.PositiveIntegerField(_("number of guests"))
    layout = models.CharField(_("layout"), max_length=20, choices=Layout.choices, blank=True)
    spaces = models.ManyToManyField(
        "csti_venues.VenueSpacePage",
        verbose_name=_("spaces"),
        blank=True,
        related_name="quote_requests",
    )
    catering = ChoiceListField(_("catering"), options=CATERING, blank=True)
    budget = models.PositiveIntegerField(_("budget in euros"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)

    notification_fields = (
        "organisation",
        "event_type",
        "event_date",
        "end_date",
        "guests",
        "layout",
        "spaces",
        "catering",
        "budget",
        "message",
        *Enquiry.notification_fields,
    )
    personal_fields = (*Enquiry.personal_fields, "message")
    #: Fields that name a person on some requests only (see csti_cms.enquiries.retention):
    #: a private celebration's organisation is a family ("Famille Janssens"), where a
    #: company's or association's name is kept for the centre's counts.
    personal_fields_when = {"organisation": models.Q(event_type=EventType.PRIVATE)}

    class Meta(Enquiry.Meta):
        verbose_name = _("quote request")
        verbose_name_plural = _("quote requests")

    def __str__(self):
        return f"{self.organisation} ({day_date(self.event_date, 'j F Y')}, {self.guests})"

    @property
    def space_names(self):
        return ", ".join(space.title for space in self.spaces.all())

    space_names.fget.short_description = _("spaces")

    @property
    def catering_names(self):
        return ", ".join(self._meta.get_field("catering").labels(self.catering))

    catering_names.fget.short_description = _("catering")
