"""An event of the centre: what, for whom, where, and when (once, over days, or repeating).

When an event happens is described the way a calendar file describes it, so that
exporting it is a translation rather than a guess:

- the first date with its start and end (``DTSTART``/``DTEND``), without times for
  all-day events, with a later end date for multi-day events;
- an optional repeat rule in RFC 5545 syntax (``RRULE``), e.g. every Wednesday;
- added dates (``RDATE``) and excluded dates (``EXDATE``);
- changes to single dates of a series (moved, cancelled, full...), keyed by the
  date the occurrence was planned on; calendars know them by ``RECURRENCE-ID``.

Dates and times are wall-clock times in the site's time zone (``TIME_ZONE``), so a
workshop at 10:00 stays at 10:00 across daylight-saving changes. The dates visitors
see are materialised in :class:`~csti_cms.agenda.models.Occurrence` on publish.
"""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from csti_cms.blocks import SlotStreamField
from csti_cms.core.accessibility import accessibility_notes_field, wheelchair_access_field
from csti_cms.core.audiences import AUDIENCE_FIELDS
from csti_cms.core.collation import without_accents
from csti_cms.core.dates import WEEKDAY_DATE, day_date, out_of_range_errors, time_of_day
from csti_cms.core.fields import ChoiceListField
from csti_cms.core.forms import SlotAwarePageForm
from csti_cms.core.i18n import localize_objects
from csti_cms.core.models import AgeRange, BasePage, age_range_panel
from csti_cms.core.models.images import IMAGE_ALT_TEXT, image_with_alt_text
from csti_cms.core.routes import LocalizedRoutablePageMixin
from csti_cms.core.spoken_languages import SPOKEN_LANGUAGES

from .. import recurrence
from .choices import AttendanceMode, EventStatus
from .occurrences import Occurrence
from .taxonomy import Location, Place

RULE_HELP = _(
    "Leave empty for a single date. Otherwise a repeat rule in calendar (RFC 5545) syntax, "
    "starting from the first date: FREQ=WEEKLY;BYDAY=WE (every Wednesday), "
    "FREQ=MONTHLY;BYDAY=1SU (first Sunday of the month), "
    "FREQ=WEEKLY;BYDAY=SA,SU;UNTIL=20271231 (weekends until the end of 2027), "
    "FREQ=DAILY;COUNT=5 (five days in a row)."
)

#: Route segment of the list of every upcoming date, spelled in the event's language
#: (csti_cms.core.routes).
DATES = pgettext_lazy("URL", "dates/")


class AgendaDatesMixin:
    """Validation of the dates of an event's inline rows (added, excluded, changed dates):
    the page form validates each row with its model's ``clean``."""

    agenda_dates = ()

    def clean(self):
        super().clean()
        errors = out_of_range_errors(self, *self.agenda_dates)
        if errors:
            raise ValidationError(errors)


#: What decides an event's dates: when one of them is wrong, the editor sees that error
#: rather than a doubt about the rows of added, excluded or changed dates.
SCHEDULE_FIELDS = ("start_date", "start_time", "recurrence")


class EventPageForm(SlotAwarePageForm):
    """Tells the editor when a date row does nothing, and offers categories of the page's
    language only.

    An excluded date or a change to a single date that is not one of the event's dates
    does nothing, silently: often a date typed a week off, or a rule changed since. An
    added date the rule already gives adds nothing. Whether a date is one of the
    event's depends on the page's dates and on its added-date rows together, so the
    checks run on the whole form once the page and its rows are cleaned, not on the
    rows' own models.
    """

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if "categories" in self.fields:
            self._offer_own_categories(parent_page)

    def _offer_own_categories(self, parent_page):
        """Categories in the page's language only: the list showed the three languages'
        side by side ("Festivals, Festivals, Festivals"), and a category of another
        language picked by mistake would only show up translated on the public page.
        """
        from .taxonomy import EventCategory

        locale_id = self.instance.locale_id or (parent_page and parent_page.locale_id)
        if locale_id is None:
            return
        field = self.fields["categories"]
        field.queryset = field.queryset.filter(locale_id=locale_id)
        if self.instance.pk:
            # Translations keep their source's categories (wagtail-localize synchronises
            # them): tick the same categories in this page's language.
            keys = [category.translation_key for category in self.instance.categories.all()]
            self.initial["categories"] = list(
                EventCategory.objects.filter(
                    locale_id=locale_id, translation_key__in=keys
                ).values_list("pk", flat=True)
            )

    def _post_clean(self):
        super()._post_clean()
        self._check_dates()
        self._check_dates_moved_online()

    def _check_dates_moved_online(self):
        """A date moved online needs the link people follow it by, which only the page has
        (the changes to single dates have no link of their own): the page's dates and
        feeds would otherwise send people online with nowhere to go."""
        changes = self.formsets.get("occurrence_changes")
        if changes is None or self.instance.online_url:
            return
        for row in changes.forms:
            if _kept_date(row, "original_date") and (
                row.cleaned_data.get("status") == EventStatus.MOVED_ONLINE
            ):
                row.add_error(
                    "status",
                    _(
                        "This date is moved online: give the online link of the event, "
                        "under “Where”."
                    ),
                )

    def _check_dates(self):
        added = self.formsets.get("added_dates")
        page = self.instance
        if added is None or page.start_date is None:
            return
        # A wrong first date or rule shows its own error; judging the rows against it
        # would only add a confusing second one.
        if set(SCHEDULE_FIELDS) & set(self.errors):
            return
        self._check_added_dates(added, self._schedule(()))
        # Likewise for a refused added date, which the other rows are judged with.
        if any(row.errors for row in added.forms):
            return
        schedule = self._schedule(
            tuple(
                (row.cleaned_data["date"], row.cleaned_data.get("start_time"))
                for row in added.forms
                if _kept_date(row)
            )
        )
        self._check_rows("excluded_dates", "date", schedule, _not_a_date_message(schedule))
        self._check_rows(
            "occurrence_changes", "original_date", schedule, _nothing_to_change_message(schedule)
        )
        self._check_changes_of_excluded_dates()

    def _schedule(self, added):
        page = self.instance
        return recurrence.Schedule(
            start_date=page.start_date,
            start_time=page.start_time,
            rule=page.recurrence,
            added=added,
            label=f"event page {page.pk} ({page.title})",
        )

    def _check_added_dates(self, added, schedule):
        """An added date must add one: not the first date, not one the rule gives, and
        not twice. ``schedule`` has no added dates, or each would find itself planned."""
        seen = set()
        for row in added.forms:
            day = _kept_date(row)
            if day is None:
                continue
            if day in seen or recurrence.planned_on(schedule, day) is not None:
                row.add_error(
                    "date", _("This date is already one of the event's dates: remove this row.")
                )
            seen.add(day)

    def _check_rows(self, name, field, schedule, message):
        formset = self.formsets.get(name)
        for row in formset.forms if formset is not None else ():
            day = _kept_date(row, field)
            if day is not None and recurrence.planned_on(schedule, day) is None:
                row.add_error(field, message)

    def _check_changes_of_excluded_dates(self):
        """A date both excluded and changed says two things: the exclusion wins and the
        change (a cancellation, a move) never shows, so the editor is asked to choose."""
        excluded, changes = (
            self.formsets.get("excluded_dates"),
            self.formsets.get("occurrence_changes"),
        )
        if excluded is None or changes is None:
            return
        excluded_days = {_kept_date(row) for row in excluded.forms} - {None}
        for row in changes.forms:
            if _kept_date(row, "original_date") in excluded_days:
                row.add_error(
                    "original_date",
                    _(
                        "This date is also excluded, so this change would never show. "
                        "Remove the excluded date or this row."
                    ),
                )


def _kept_date(row, field="date"):
    """The row's date, unless the row is empty, deleted or refused (its error shows)."""
    if row.errors:
        return None
    return None if row.cleaned_data.get("DELETE") else row.cleaned_data.get(field)


def _nothing_to_change_message(schedule):
    if schedule.rule:
        return _(
            "This date is not one of the event's dates, so there is nothing to change. "
            "Pick a date the rule produces, or remove this row."
        )
    return _(
        "This event does not repeat and this date is not one of its dates, so there is "
        "nothing to change. Give the first date or an added date, or remove this row."
    )


def _not_a_date_message(schedule):
    if schedule.rule:
        return _(
            "This date is not one of the event's dates, so there is nothing to exclude. "
            "Pick a date the rule produces, or remove this row."
        )
    return _(
        "This event does not repeat and this date is not one of its dates, so there is "
        "nothing to exclude. Remove this row, or give a repeat rule."
    )


class EventPage(LocalizedRoutablePageMixin, BasePage, Place, AgeRange):
    """An event: a workshop, a show, a festival, a conference, a night at the museum.

    Its page lists the next dates; a long series lists them all at ``./dates/`` (spelled
    in the page's language), and gives them to calendars at ``./ics/``.
    """

    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("body"),
        blank=True,
    )
    image, image_alt_text = image_with_alt_text(
        _("image"), _("image alternative text"), _("Required when there is an image.")
    )
    categories = ParentalManyToManyField(
        "csti_agenda.EventCategory",
        verbose_name=_("categories"),
        blank=True,
        related_name="events",
    )

    # When
    # Nullable in the database only: drafts (and pages created in code, then filled) may
    # not have a date yet. Forms require it, and publishing without one lists nothing.
    start_date = models.DateField(_("first date"), null=True)
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Leave empty for an all-day event.")
    )
    end_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("For an event over several days. Leave empty when it ends the same day."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    recurrence = models.CharField(_("repeat rule"), max_length=255, blank=True, help_text=RULE_HELP)

    # Where
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.ON_SITE,
    )
    venue = models.ForeignKey(
        "csti_agenda.Venue",
        verbose_name=_("venue of the centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    place_name = models.CharField(
        _("or another place"),
        max_length=200,
        blank=True,
        help_text=_("Name of a place outside the centre; give its address below."),
    )
    online_url = models.URLField(_("online link"), blank=True)

    #: What the agenda's keyword filter reads, without case or accents (see :meth:`save`).
    search_text = models.TextField(editable=False, blank=True, default="")

    # Who, how much, how
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    is_free = models.BooleanField(_("free"), default=False)
    price = models.DecimalField(
        _("price in euros"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("The full price; details such as reductions go below."),
    )
    price_details = models.CharField(_("price details"), max_length=255, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_email = models.EmailField(_("registration e-mail"), blank=True)
    registration_phone = models.CharField(_("registration phone"), max_length=40, blank=True)
    spoken_languages = ChoiceListField(_("languages spoken"), options=SPOKEN_LANGUAGES, blank=True)
    wheelchair_accessible = wheelchair_access_field()
    accessibility = accessibility_notes_field(
        _("Induction loop, sign language, quiet space, seats...")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction", heading=pgettext_lazy("editor panel", "Summary")),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("recurrence"),
            ],
            heading=_("When"),
        ),
        InlinePanel("added_dates", heading=_("Added dates"), label=_("Added date")),
        InlinePanel("excluded_dates", heading=_("Excluded dates"), label=_("Excluded date")),
        InlinePanel(
            "occurrence_changes",
            heading=_("Changes to single dates"),
            label=pgettext_lazy("event date change", "Change"),
            help_text=_("Move or cancel one date of a repeating event."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue"),
                FieldPanel("place_name"),
                *Place.address_panels,
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                *(FieldPanel(field) for field in AUDIENCE_FIELDS.values()),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                age_range_panel(),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldPanel("price_details"),
                FieldPanel("spoken_languages"),
                FieldPanel("wheelchair_accessible", widget=forms.RadioSelect),
                FieldPanel("accessibility"),
            ],
            heading=_("For whom, price and access"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_email"),
                FieldPanel("registration_phone"),
            ],
            heading=_("Registration"),
        ),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image")], heading=_("Sharing")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("place_name"),
        index.SearchField("price_details"),
        index.SearchField("accessibility"),
    ]
    override_translatable_fields = [
        *Place.address_sync_fields,
        SynchronizedField("recurrence"),
        SynchronizedField("registration_phone"),
        SynchronizedField("venue"),
        SynchronizedField("categories"),
    ]

    base_form_class = EventPageForm
    parent_page_types = ["csti_agenda.AgendaPage"]
    subpage_types = []
    alt_text_rules = [IMAGE_ALT_TEXT]
    visitor_label = _("Event")
    visitor_label_plural = _("Events")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def save(self, *args, **kwargs):
        """Keep :attr:`search_text` in step with the words it folds.

        Visitors type "etoiles" for "Étoiles" (and the reverse); neither SQLite nor
        PostgreSQL folds accents without an extension, and Wagtail's search backends
        do not fold them on PostgreSQL. Folding once here, in Python, lets the agenda
        match any word inside the one listing query, the same on both databases.
        """
        update_fields = kwargs.get("update_fields")
        if update_fields is None or SEARCHED_FIELDS.intersection(update_fields):
            self.search_text = event_search_text(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        return super().save(*args, **kwargs)

    # Validation ----------------------------------------------------------------

    def validation_errors(self):
        errors = super().validation_errors()
        errors.update(out_of_range_errors(self, "start_date", "end_date"))
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors.setdefault("end_date", _("The last day cannot come before the first."))
        if self.start_time and not self.end_time:
            errors["end_time"] = _("Say when the event ends.")
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Give a start time too, or neither for an all-day event.")
        if (
            self.start_time
            and self.end_time
            and (self.end_date or self.start_date) == self.start_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("The event must end after it starts.")
        if self.recurrence:
            try:
                self.recurrence = recurrence.normalise_rule(
                    self.recurrence, self.start_date, self.start_time
                )
            except ValueError as error:
                errors["recurrence"] = str(error)
            else:
                if "start_date" not in errors:
                    errors.update(self._skipped_first_date_errors())
        if self.is_free and self.price:
            errors["price"] = _("Untick “free” or empty the price.")
        errors.update(self.age_range_errors())
        on_site = self.attendance_mode != AttendanceMode.ONLINE
        online = self.attendance_mode != AttendanceMode.ON_SITE
        if on_site and not (self.venue_id or self.place_name.strip()):
            errors["venue"] = _("Choose a venue of the centre or name another place.")
        elif on_site and not self.venue_id and not self.locality.strip():
            # Google requires the address of an event's place; a name alone loses the
            # event its place in search results.
            errors["locality"] = _(
                "Give the town or city of this place: search engines need it to show the event."
            )
        if online and not self.online_url:
            errors["online_url"] = _("Give the link where people follow the event online.")
        elif self.status == EventStatus.MOVED_ONLINE and not self.online_url:
            errors["online_url"] = _(
                "The event is moved online: give the link where people follow it."
            )
        if not {"start_date", "end_date"} & errors.keys():  # else no instant to speak of
            for name, message in self._skipped_time_errors().items():
                errors.setdefault(name, message)
        return errors

    def _skipped_first_date_errors(self):
        """``{"recurrence": message}`` when the rule skips a first date still to come.

        A series starts on the first date its rule gives: a launch typed on a Thursday
        with a rule on Mondays vanished from the page and the feeds. A first date already
        past only says where a running series starts counting, and events saved before
        this check must stay editable, so it is left as it is.
        """
        if not self.start_date or self.start_date < timezone.localdate():
            return {}
        schedule = recurrence.Schedule(
            start_date=self.start_date, start_time=self.start_time, rule=self.recurrence
        )
        given = recurrence.first_start(schedule).date()
        if given == self.start_date:
            return {}
        message = _(
            "The first date, %(first)s, is not one the rule gives: the dates would start on "
            "%(given)s. Choose a first date the rule gives, or change the rule."
        )
        return {
            "recurrence": message
            % {
                "first": day_date(self.start_date, WEEKDAY_DATE),
                "given": day_date(given, WEEKDAY_DATE),
            }
        }

    def _skipped_time_errors(self):
        """``{field: message}`` for a start or end time the clocks skip on its date.

        On the night the clocks go forward, 02:30 never comes in Brussels: a single date
        from 02:30 to 03:30 lasted no time at all. The times of a single date are the
        editor's own, so the editor chooses again; a repeating rule that meets that night
        moves that one date on by the hour skipped instead (see :mod:`..recurrence`).
        """
        if self.recurrence or not (self.start_date and self.start_time and self.end_time):
            return {}
        zone = recurrence.site_zone()
        times = {
            "start_time": (self.start_date, self.start_time),
            "end_time": (self.end_date or self.start_date, self.end_time),
        }
        return {
            name: _(
                "The clocks go forward an hour in the night of %(date)s: %(time)s does not "
                "exist that day. Choose another time."
            )
            % {"date": day_date(day, WEEKDAY_DATE), "time": time_of_day(at)}
            for name, (day, at) in times.items()
            if not recurrence.exists(datetime.combine(day, at), zone)
        }

    # What the templates and outputs use ----------------------------------------

    @property
    def schedule(self):
        """Everything that decides when this event happens, for :mod:`..recurrence`."""
        return recurrence.Schedule(
            start_date=self.start_date,
            start_time=self.start_time,
            end_date=self.end_date,
            end_time=self.end_time,
            rule=self.recurrence,
            added=tuple((d.date, d.start_time) for d in self.added_dates.all()),
            excluded=frozenset(d.date for d in self.excluded_dates.all()),
            changes={
                change.original_date: recurrence.Change(
                    status=change.status,
                    new_date=change.new_date,
                    new_start_time=change.new_start_time,
                    new_end_time=change.new_end_time,
                )
                for change in self.occurrence_changes.all()
            },
            status=self.status,
            label=f"event page {self.pk} ({self.title})",
        )

    @property
    def all_day(self):
        return self.start_time is None

    @classmethod
    def pages_over(cls, now):
        """Events with no date ahead of ``now`` that takes place: every date is past, or
        each one left is cancelled (a cancelled event's are all).

        A postponed event is never over: its date passed, but the centre said a new one
        is to come, and visitors keep finding it (marked postponed) until the editor
        gives the new date or cancels it.

        Read from the dates materialised on publish, so a listing asks it in its own query.
        """
        taking_place = Occurrence.objects.filter(end__gt=now).exclude(status=EventStatus.CANCELLED)
        return cls.objects.exclude(pk__in=taking_place.values("page_id")).exclude(
            status=EventStatus.POSTPONED
        )

    @cached_property
    def location(self):
        """Where the event is: the venue in the page's language, or its own place.

        Listings set this in bulk (:func:`..listing.attach_locations`) to save a query
        per event.
        """
        if self.venue_id:
            (venue,) = localize_objects([self.venue], self.locale.language_code)
            return Location.of(venue, venue.name)
        if self.place_name:
            return Location.of(self, self.place_name)
        return None

    @property
    def listing_notice(self):
        """What listings say beside the title: visitors should not plan on the date of a
        postponed event, which stays listed until its new date is given."""
        return EventStatus.POSTPONED.label if self.status == EventStatus.POSTPONED else ""

    @classmethod
    def pages_with_listing_notice(cls):
        """The events lists mark with their :attr:`listing_notice`: the postponed ones
        (:func:`csti_cms.core.models.hubs.listing_notices`)."""
        return cls.objects.filter(status=EventStatus.POSTPONED)

    @property
    def is_online(self):
        return self.attendance_mode != AttendanceMode.ON_SITE

    @property
    def is_on_site(self):
        return self.attendance_mode != AttendanceMode.ONLINE

    @property
    def spoken_language_names(self):
        names = dict(SPOKEN_LANGUAGES)
        return [names[code] for code in self.spoken_languages or [] if code in names]

    # Routes ----------------------------------------------------------------------

    @path("")
    def event(self, request):
        return self.render(request)

    @path(DATES, name="dates")
    def dates(self, request):
        """Every upcoming date, month by month: a family looking for a date in May finds
        it without a calendar program."""
        from ..presentation import all_dates_context, all_dates_description

        # The list's own description for search engines and sharing, where base.html
        # reads the page's; this page object lives for this request only, and is not saved.
        self.search_description = all_dates_description(self)
        # The page's context without the event page's own (its next dates, its structured
        # data): this list would read them only to leave them out.
        context = {**super().get_context(request), **all_dates_context(request, self)}
        return TemplateResponse(request, "csti_agenda/event_dates.html", context)

    @path("ics/", name="ics")
    def ics(self, request):
        from ..feeds import event_ics_response

        return event_ics_response(request, self)

    def get_context(self, request, *args, **kwargs):
        from ..presentation import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(request, self))
        return context


#: What the keyword filter searches: what lists show of an event, and its venue's name.
SEARCHED_FIELDS = frozenset(
    {"title", "introduction", "place_name", "locality", "venue", "venue_id"}
)


def event_search_text(page, venue=None):
    """The words of ``page`` the keyword filter searches, in lower case without accents.

    ``venue`` stands for the page's own when it is being renamed.
    """
    venue = venue or (page.venue if page.venue_id else None)
    texts = (page.title, page.introduction, page.place_name, page.locality, venue and venue.name)
    return "\n".join(without_accents(text) for text in texts if text)


class AddedDate(AgendaDatesMixin, Orderable):
    """A date outside the repeat rule, or the only dates of an irregular event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="added_dates")
    date = models.DateField(_("date"))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Leave empty for the usual time.")
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("start_time")])]
    agenda_dates = ("date",)

    class Meta(Orderable.Meta):
        verbose_name = _("added date")
        verbose_name_plural = _("added dates")


class ExcludedDate(AgendaDatesMixin, Orderable):
    """A date the repeat rule would give but the event does not take place, without notice
    (school holidays, a public holiday): it disappears from the agenda."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="excluded_dates")
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]
    agenda_dates = ("date",)

    class Meta(Orderable.Meta):
        verbose_name = _("excluded date")
        verbose_name_plural = _("excluded dates")


class OccurrenceChange(AgendaDatesMixin, Orderable):
    """One date of a series that changed: cancelled, moved, full... It stays in the agenda
    with its new status, so people who planned to come see what happened."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="occurrence_changes")
    original_date = models.DateField(
        _("date concerned"), help_text=_("The date this occurrence was planned on.")
    )
    status = models.CharField(
        _("new status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.CANCELLED,
    )
    new_date = models.DateField(
        _("new date"), null=True, blank=True, help_text=_("When the occurrence is moved.")
    )
    new_start_time = models.TimeField(_("new start time"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("original_date"), FieldPanel("status")]),
        FieldRowPanel(
            [FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
    ]
    agenda_dates = ("original_date", "new_date")

    class Meta(Orderable.Meta):
        verbose_name = _("change to one date")
        verbose_name_plural = _("changes to single dates")
