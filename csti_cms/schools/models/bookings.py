"""A teacher's request to bring a class to an activity, as stored for the team."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from csti_cms.core.dates import DATE, day_date
from csti_cms.core.spoken_languages import SPOKEN_LANGUAGES
from csti_cms.enquiries.models import Enquiry


class BookingRequest(Enquiry):
    """What the teacher asked for; the team confirms or declines it in the admin.

    The activity's title is kept as the team reads it (:meth:`remember_activity`), so
    the request still reads right if the page is renamed or deleted later.
    """

    activity = models.ForeignKey(
        "csti_schools.SchoolActivityPage",
        verbose_name=_("activity"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="booking_requests",
    )
    activity_title = models.CharField(_("activity requested"), max_length=255)
    school_name = models.CharField(_("school"), max_length=200)
    school_postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    school_locality = models.CharField(_("town or city"), max_length=100)
    level = models.ForeignKey(
        "csti_schools.SchoolLevel",
        verbose_name=_("class level"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pupils = models.PositiveSmallIntegerField(_("number of pupils"))
    adults = models.PositiveSmallIntegerField(_("accompanying adults"))
    preferred_date = models.DateField(_("preferred date"))
    alternative_date = models.DateField(_("other possible date"), null=True, blank=True)
    activity_language = models.CharField(
        _("language of the activity"), max_length=12, choices=SPOKEN_LANGUAGES
    )
    needs = models.TextField(
        _("needs and questions"),
        blank=True,
        # A request is kept for years and read by the whole team: it asks for what to
        # prepare, never for who needs it.
        help_text=_(
            "Special needs, accessibility, timing, lunch space... Please do not give pupils' "
            "names or health details: we only need to know what to prepare."
        ),
    )

    notification_fields = (
        "activity_title",
        "preferred_date",
        "alternative_date",
        "school_name",
        "school_postal_code",
        "school_locality",
        "level",
        "pupils",
        "adults",
        "activity_language",
        "needs",
        *Enquiry.notification_fields,
    )
    personal_fields = (*Enquiry.personal_fields, "needs")
    #: The teacher is needed until the class came, on either date the request gives
    #: (see csti_cms.enquiries.retention).
    days_asked_for = ("preferred_date", "alternative_date")
    searchable_fields = (
        "school_name",
        "school_postal_code",
        "school_locality",
        "activity_title",
        *Enquiry.searchable_fields,
    )
    recipients_setting = "school_booking_recipients"
    reference_prefix = "B"

    class Meta(Enquiry.Meta):
        verbose_name = _("booking request")
        verbose_name_plural = _("booking requests")

    def remember_activity(self, activity, language):
        """Ask for ``activity`` and keep its title in ``language``, the team's (its centre's).

        Kept as the teacher read it, one workshop came in under three names, one per
        language teachers booked in: the team's list, search and export split it three
        ways. The teacher's own page stays the one asked for; a title not translated into
        the team's language is kept as the teacher read it.
        """
        self.activity = activity
        self.activity_title = (
            activity.get_translations(inclusive=True)
            .filter(locale__language_code=language)
            .values_list("title", flat=True)
            .first()
            or activity.title
        )

    def __str__(self):
        # A dash, not a colon: the title goes into e-mail subjects after a translated
        # "label: value", and French would need a non-breaking space before a colon. The date
        # is written out as in the e-mail's body, without the weekday to keep subjects short.
        date = day_date(self.preferred_date, DATE)
        return f"{self.school_name} – {self.activity_title} ({date})"
