"""An organisation's request for a quote, as stored for the team."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from csti_cms.core.dates import DATE, EN_DASH, day_date, time_of_day, time_range
from csti_cms.core.fields import ChoiceListField
from csti_cms.enquiries.models import Enquiry

from .choices import CATERING, EventType, Layout


class QuoteRequest(Enquiry):
    """What the organiser asked for; the team answers with a quote and sets the status.

    ``spaces`` links to the space pages while they exist; ``requested_spaces`` keeps
    their names as the team read them when the request came in (the site's main
    language), so a space page deleted later leaves a confirmed request's e-mail,
    admin views and export unchanged.
    """

    organisation = models.CharField(_("organisation"), max_length=200)
    event_type = models.CharField(_("type of event"), max_length=20, choices=EventType.choices)
    event_date = models.DateField(_("date"))
    end_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_(
            "For an event over several days. An evening ending after midnight needs no "
            "last day: give its end time."
        ),
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(
        _("end time"),
        null=True,
        blank=True,
        help_text=_(
            "An end time earlier than the start time is the next morning: 18:00 to 01:00 is "
            "an evening ending after midnight."
        ),
    )
    guests = models.PositiveIntegerField(_("number of guests"))
    layout = models.CharField(_("layout"), max_length=20, choices=Layout.choices, blank=True)
    spaces = models.ManyToManyField(
        "csti_venues.VenueSpacePage",
        verbose_name=_("spaces"),
        blank=True,
        related_name="quote_requests",
    )
    requested_spaces = models.JSONField(
        _("spaces"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("The spaces' names when the request was sent, kept if a space is deleted."),
    )
    catering = ChoiceListField(_("catering"), options=CATERING, blank=True)
    budget = models.PositiveIntegerField(_("budget in euros"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)

    notification_fields = (
        "organisation",
        "event_type",
        "event_date",
        "end_date",
        "start_time",
        "end_time",
        "guests",
        "layout",
        "requested_spaces",
        "catering",
        "budget",
        "message",
        *Enquiry.notification_fields,
    )
    personal_fields = (*Enquiry.personal_fields, "message")
    #: Fields that name a person on some requests only (see csti_cms.enquiries.retention):
    #: a private celebration's organisation is a family ("Famille Janssens"), where a
    #: company's or association's name is kept for the centre's counts.
    personal_fields_when = {
        **Enquiry.personal_fields_when,
        "organisation": models.Q(event_type=EventType.PRIVATE),
    }
    #: The organiser is needed until the event's last day (see csti_cms.enquiries.retention).
    days_asked_for = ("event_date", "end_date")
    searchable_fields = ("organisation", *Enquiry.searchable_fields, "message")
    recipients_setting = "venue_quote_recipients"
    reference_prefix = "Q"

    class Meta(Enquiry.Meta):
        verbose_name = _("quote request")
        verbose_name_plural = _("quote requests")

    def __str__(self):
        guests = ngettext("%(count)s guest", "%(count)s guests", self.guests or 0) % {
            "count": self.guests
        }
        return f"{self.organisation} ({self.when}, {guests})"

    @property
    def when(self):
        """The days and hours asked for: "12 March 2027, 18:00–01:00", "12 – 13 March 2027"."""
        days = day_date(self.event_date, DATE)
        if self.end_date and self.end_date != self.event_date:
            days = f"{days} {EN_DASH} {day_date(self.end_date, DATE)}"
        start, end = self.start_time, self.end_time
        if start and end:
            hours = time_range(start, end)
        elif start or end:
            hours = time_of_day(start) if start else f"{EN_DASH} {time_of_day(end)}"
        else:
            return days
        return f"{days}, {hours}"

    def remember_spaces(self, spaces, layout="", language=None):
        """Keep the names of ``spaces`` (pages) in ``language``, the team's: its centre's
        (:func:`~csti_cms.core.i18n.site_language`), the install's default without one.

        A space not offered in the chosen ``layout`` says so: the form then counted it at
        its largest layout (:meth:`~csti_cms.venues.forms.QuoteRequestForm._check_capacity`).
        """
        spaces = list(spaces)
        language = language or Locale.get_default().language_code
        pages = self._meta.get_field("spaces").related_model.objects
        titles = dict(
            pages.filter(
                translation_key__in={space.translation_key for space in spaces},
                locale__language_code=language,
            ).values_list("translation_key", "title")
        )
        names = []
        with translation.override(language):
            for space in spaces:
                name = titles.get(space.translation_key, space.title)
                if layout and not space.capacity(layout):
                    # Translators: a space asked for in a quote request that is not offered
                    # in the layout the organiser chose, e.g. "Lavoisier lab (no “Banquet” layout)".
                    name = gettext("%(space)s (no “%(layout)s” layout)") % {
                        "space": name,
                        "layout": Layout(layout).label,
                    }
                names.append(str(name))
        self.requested_spaces = names

    @property
    def space_names(self):
        """The spaces asked for, as the team read them when the request came in."""
        return ", ".join(self.requested_spaces or [])

    space_names.fget.short_description = _("spaces")

    @property
    def catering_names(self):
        return ", ".join(self._meta.get_field("catering").labels(self.catering))

    catering_names.fget.short_description = _("catering")
