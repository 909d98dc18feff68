"""The teacher path's forms: the activity filters and the booking request."""

from dataclasses import dataclass

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.models import Site

from csti_cms.core.dates import WEEKDAY_DATE, day_date
from csti_cms.core.i18n import localize_objects, site_language
from csti_cms.core.spoken_languages import SPOKEN_LANGUAGES
from csti_cms.core.typed_dates import say_what_to_type
from csti_cms.enquiries.closures import closed_dates
from csti_cms.enquiries.forms import (
    WRITE_YOUR_EMAIL,
    WRITE_YOUR_NAME,
    SpamProtectedFormMixin,
    reach_us,
)
from csti_cms.enquiries.repeats import OneTimeSubmissionMixin

from .days_open import booking_window, days_open_to_groups
from .models import (
    DURATION_BANDS,
    ActivityType,
    BookingRequest,
    SchoolActivityPage,
    SchoolLevel,
    grouped_levels,
)
from .models.choices import WEEKDAY_CODES, weekday_code

# Filters ------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityFilters:
    level: SchoolLevel | None = None
    subject: object = None
    activity_type: str = ""
    language: str = ""
    duration: object = None
    age: int | None = None

    @property
    def active(self):
        return bool(
            self.level
            or self.subject
            or self.activity_type
            or self.language
            or self.duration
            or self.age is not None
        )

    def apply(self, activities):
        """Narrow a :class:`SchoolActivityPage` queryset to what the teacher chose."""
        if self.level is not None:
            activities = activities.filter(levels__translation_key=self.level.translation_key)
        if self.subject is not None:
            activities = activities.filter(subjects__translation_key=self.subject.translation_key)
        if self.activity_type:
            activities = activities.filter(activity_type=self.activity_type)
        if self.language:
            # The languages are a JSON list of codes; a quoted code matches one whole item,
            # on every database (SQLite has no JSON containment lookup).
            activities = activities.filter(languages__icontains=f'"{self.language}"')
        if self.duration is not None:
            activities = activities.filter(self.duration.q())
        if self.age is not None:
            activities = activities.filter(SchoolActivityPage.suits_age(self.age))
        return activities.distinct() if self.level or self.subject else activities


#: Told for any age the list cannot filter by: a word, or an age outside school years.
#: Special needs secondary schools keep their pupils until 21.
PUPILS_AGE_ERROR = _("Give the pupils' age in years, from 3 to 21.")


class ActivityFilterForm(forms.Form):
    """A plain GET form: each filtered list has an address to bookmark or share.

    Only levels and subjects that some activity of the listing uses are offered,
    so no choice leads to an empty list. A value that is not offered is ignored;
    an age that is not one is ignored too, and the form says what to type.
    """

    level = forms.ChoiceField(label=_("Class level"), required=False)
    subject = forms.ChoiceField(label=_("Subject"), required=False)
    type = forms.ChoiceField(
        label=_("Type of activity"),
        required=False,
        choices=[("", pgettext_lazy("activity filter", "All types")), *ActivityType.choices],
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    duration = forms.ChoiceField(
        label=pgettext_lazy("activity filter", "Duration"),
        required=False,
        choices=[("", _("Any duration")), *((band.key, band.label) for band in DURATION_BANDS)],
    )
    # An age rather than a level: a teacher from abroad knows how old the class is, not
    # which Belgian or French grade it matches.
    age = forms.IntegerField(
        label=_("Pupils' age"),
        required=False,
        min_value=3,
        max_value=21,
        error_messages={code: PUPILS_AGE_ERROR for code in ("invalid", "min_value", "max_value")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, data=None, *, levels=(), subjects=(), languages=(), **kwargs):
        super().__init__(data, **kwargs)
        self.levels = {str(level.pk): level for level in levels}
        self.subjects = {str(subject.pk): subject for subject in subjects}
        self.fields["level"].choices = [
            ("", _("All levels")),
            *(
                (str(system), [(str(level.pk), level.name) for level in members])
                for system, members in grouped_levels(levels)
            ),
        ]
        self.fields["subject"].choices = [
            ("", _("All subjects")),
            *((str(subject.pk), subject.name) for subject in subjects),
        ]
        names = dict(SPOKEN_LANGUAGES)
        self.fields["language"].choices = [
            ("", _("All languages")),
            *((code, names[code]) for code in languages if code in names),
        ]

    def values(self):
        self.is_valid()
        data = self.cleaned_data
        bands = {band.key: band for band in DURATION_BANDS}
        return ActivityFilters(
            level=self.levels.get(data.get("level") or ""),
            subject=self.subjects.get(data.get("subject") or ""),
            activity_type=data.get("type") or "",
            language=data.get("language") or "",
            duration=bands.get(data.get("duration") or ""),
            age=data.get("age"),
        )


# Booking request ----------------------------------------------------------------


class BookingRequestForm(OneTimeSubmissionMixin, SpamProtectedFormMixin, forms.ModelForm):
    """A teacher's booking request, checked against the activity it is for.

    The group must fit the activity (at most ``max_pupils``, at least
    ``min_pupils``), the dates must be ahead and not days the centre is closed
    (:func:`~csti_cms.enquiries.closures.closed_dates`), and the level and
    language must be ones the activity offers.
    """

    class Meta:
        model = BookingRequest
        fields = [
            "school_name",
            "school_postal_code",
            "school_locality",
            "contact_name",
            "email",
            "phone",
            "level",
            "pupils",
            "adults",
            "activity_language",
            "preferred_date",
            "alternative_date",
            "needs",
        ]
        widgets = {
            "school_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "school_postal_code": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "school_locality": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "pupils": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "adults": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "preferred_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "alternative_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "needs": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"contact_name": _("Your name"), "email": _("Your e-mail")}
        help_texts = {"phone": _("To reach you on the day of the visit, if your coach is late.")}
        # What to do, rather than Django's "This field is required.", for each answer the
        # form asks for (the phone is made required in __init__).
        error_messages = {
            name: {"required": message}
            for name, message in {
                "school_name": _("Write the name of your school."),
                "school_locality": _("Write the town or city of your school."),
                "contact_name": WRITE_YOUR_NAME,
                "email": WRITE_YOUR_EMAIL,
                "phone": _("Give a phone number where we can reach you on the day."),
                "level": _("Choose the level of your class."),
                "pupils": _("Give the number of pupils in your group."),
                "adults": _("Give the number of adults who come with the class."),
                "activity_language": _("Choose the language of the activity."),
                "preferred_date": _("Choose the day you would like to come."),
            }.items()
        }

    fieldsets = (
        (_("Your school"), ["school_name", "school_postal_code", "school_locality"]),
        (_("Who we answer"), ["contact_name", "email", "phone"]),
        (_("Your group"), ["level", "pupils", "adults", "activity_language"]),
        (_("When"), ["preferred_date", "alternative_date"]),
        (_("Anything else?"), ["needs"]),
    )

    too_many_adults_message = _(
        "There are more adults than pupils. If that is right (a special-needs class, for "
        "instance), tell us about your group under “Anything else?”, then send the request again."
    )

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.instance.activity = activity
        self._limit_levels(activity)
        self._limit_languages(activity)
        say_what_to_type(self)
        # The team must reach a class held up on the road; an organiser asking a venue
        # quote still may leave it out (the column stays optional).
        self.fields["phone"].required = True
        # clean_pupils and clean_adults name the rule of this activity rather than the
        # column's "at least 0": every value below the minimum gets the same message.
        for name in ("pupils", "adults"):
            field = self.fields[name]
            field.validators = [v for v in field.validators if not isinstance(v, MinValueValidator)]
        pupils = self.fields["pupils"]
        pupils.widget.attrs.update(min=activity.min_pupils or 1, max=activity.max_pupils)
        # No more adults than pupils, so never more than the activity's largest group.
        self.fields["adults"].widget.attrs.update(min=1, max=activity.max_pupils)
        pupils.help_text = self._group_size_help(activity)
        self.days_label = activity.days_label(
            days_open_to_groups(Site.find_for_request(self.request), timezone.localdate())
        )
        self.fields["preferred_date"].help_text = self._date_help(self.days_label)
        self.fields["alternative_date"].help_text = _("In case the first date is taken.")
        # The date picker offers the days _dates_in_range accepts, from the centre's
        # today when the form is shown (the form's page is never cached).
        first, last = booking_window(timezone.localdate())
        for name in ("preferred_date", "alternative_date"):
            self.fields[name].widget.attrs.update(min=first.isoformat(), max=last.isoformat())

    def _limit_levels(self, activity):
        language = activity.locale.language_code
        levels = localize_objects(activity.levels.all(), language)
        field = self.fields["level"]
        if levels:
            field.queryset = SchoolLevel.objects.filter(pk__in=[level.pk for level in levels])
        else:
            field.queryset = SchoolLevel.objects.filter(locale=activity.locale)
            levels = list(field.queryset)
        field.required = True
        field.choices = [
            ("", _("Choose the level of your class")),
            *(
                (str(system), [(level.pk, level.name) for level in members])
                for system, members in grouped_levels(levels)
            ),
        ]

    def _limit_languages(self, activity):
        names = dict(SPOKEN_LANGUAGES)
        codes = [code for code in activity.languages or [] if code in names]
        if not codes:
            codes = [activity.locale.language_code]
        field = self.fields["activity_language"]
        field.choices = [(code, names[code]) for code in codes]
        if activity.locale.language_code in codes and not self.is_bound:
            self.initial["activity_language"] = activity.locale.language_code

    @staticmethod
    def _date_help(days):
        """Which days the class can come, and that the date is a wish until the team answers:
        a teacher must not announce the trip to parents on the strength of the form."""
        if days:
            day = _("A day on which your class can come: %(days)s.") % {"days": days}
        else:
            day = _("A day on which your class can come.")
        wish = _("It is a wish: we tell you within three working days whether it is free.")
        return f"{day} {wish}"

    @staticmethod
    def _group_size_help(activity):
        if activity.min_pupils:
            return _("Between %(min)d and %(max)d pupils for this activity.") % {
                "min": activity.min_pupils,
                "max": activity.max_pupils,
            }
        return _("Up to %(max)d pupils for this activity.") % {"max": activity.max_pupils}

    def _check_adults_for_pupils(self, cleaned_data):
        """More adults than pupils is a typing slip more often than a class, but not always.

        A special-needs class may come with an adult for each pupil and more. Once the
        teacher has written anything under "Anything else?" (``needs``), the request goes
        through with the numbers given: the team reads it before answering. Only a request
        that explains nothing is refused, and the message says what lets it through.
        """
        pupils, adults = cleaned_data.get("pupils"), cleaned_data.get("adults")
        if pupils and adults and adults > pupils and not cleaned_data.get("needs"):
            self.add_error("adults", self.too_many_adults_message)

    def clean_adults(self):
        """Bounded here, not only against the pupils in :meth:`clean`.

        When the number of pupils is itself wrong, an absurd number of adults would
        otherwise reach the model's checks, which speak of the database's limits.
        """
        adults = self.cleaned_data["adults"]
        if adults is not None and adults < 1:
            raise forms.ValidationError(_("A class comes with at least one accompanying adult."))
        largest = self.activity.max_pupils
        if adults is not None and adults > largest:
            # Said of the group, not of the pupils: with too many pupils as well, "at most
            # as many adults as pupils" would be untrue of 30 adults with 450 pupils.
            raise forms.ValidationError(
                ngettext(
                    "This activity welcomes at most %(max)d adult per group.",
                    "This activity welcomes at most %(max)d adults per group.",
                    largest,
                )
                % {"max": largest},
                code="max_value",
            )
        return adults

    def clean_pupils(self):
        pupils = self.cleaned_data["pupils"]
        activity = self.activity
        if pupils < 1:
            raise forms.ValidationError(_("Give the number of pupils in your group."))
        if activity.max_pupils and pupils > activity.max_pupils:
            raise forms.ValidationError(
                ngettext(
                    "This activity welcomes at most %(max)d pupil per group. For a larger "
                    "group, give the pupils of one class and tell us about the others under "
                    "“Anything else?”.",
                    "This activity welcomes at most %(max)d pupils per group. For a larger "
                    "group, give the pupils of one class and tell us about the others under "
                    "“Anything else?”.",
                    activity.max_pupils,
                )
                % {"max": activity.max_pupils},
                code="capacity",
            )
        if activity.min_pupils and pupils < activity.min_pupils:
            raise forms.ValidationError(self._group_too_small_message(), code="minimum")
        return pupils

    def _group_too_small_message(self):
        """The activity's minimum, and who to ask for a smaller group (a special-needs class).

        The form keeps the centre's rule; the team may still find a way, so the refusal
        names the centre's phone and e-mail, as the site's contact details give them.
        """
        rule = _("This activity needs a group of at least %(min)d pupils.") % {
            "min": self.activity.min_pupils
        }
        way_forward = reach_us(
            self.request,
            phone_and_email=_(
                "For a smaller group (a special-needs class, for instance), call us at "
                "%(phone)s or write to %(email)s: we will see what we can do."
            ),
            phone=_(
                "For a smaller group (a special-needs class, for instance), call us at "
                "%(phone)s: we will see what we can do."
            ),
            email=_(
                "For a smaller group (a special-needs class, for instance), write to us at "
                "%(email)s: we will see what we can do."
            ),
            neither=_(
                "For a smaller group (a special-needs class, for instance), contact us: "
                "we will see what we can do."
            ),
        )
        return f"{rule} {way_forward}"

    def clean(self):
        cleaned_data = super().clean()
        self._check_adults_for_pupils(cleaned_data)
        dates = self._dates_in_range(cleaned_data)
        for name in self._check_days_offered(dates):
            del dates[name]
        self._check_closures(dates)
        return cleaned_data

    def _dates_in_range(self, cleaned_data):
        """The chosen dates that are ahead, within the horizon and not the same twice."""
        first, last = booking_window(timezone.localdate())
        dates = {}
        for name in ("preferred_date", "alternative_date"):
            day = cleaned_data.get(name)
            if day is None:
                continue
            if day < first:
                self.add_error(name, _("Choose a date from tomorrow on."))
            elif day > last:
                self.add_error(name, _("Choose a date within the next two years."))
            else:
                dates[name] = day
        if dates.get("alternative_date") and dates.get("alternative_date") == dates.get(
            "preferred_date"
        ):
            self.add_error("alternative_date", _("Give another date than the preferred one."))
            del dates["alternative_date"]
        return dates

    def _check_days_offered(self, dates):
        """Refuse days of the week the activity is not offered on; return the refused fields."""
        offered = set(self.activity.days_offered or WEEKDAY_CODES)
        refused = [name for name, day in dates.items() if weekday_code(day) not in offered]
        for name in refused:
            self.add_error(
                name,
                forms.ValidationError(
                    _(
                        "This activity takes place on these days only: %(days)s. "
                        "%(date)s is not one of them."
                    )
                    % {
                        "days": self.days_label,
                        "date": capfirst(day_date(dates[name], WEEKDAY_DATE)),
                    },
                    code="day_not_offered",
                ),
            )
        return refused

    def save(self, commit=True):
        site = Site.find_for_request(self.request)
        self.instance.remember_activity(self.activity, site_language(site))
        return super().save(commit)

    def _check_closures(self, dates):
        if not dates:
            return
        site = Site.find_for_request(self.request)
        closed = closed_dates(site, min(dates.values()), max(dates.values()))
        for name, day in dates.items():
            if day in closed:
                self.add_error(
                    name,
                    forms.ValidationError(
                        _("The centre is closed on %(date)s. Please choose another day.")
                        % {"date": day_date(day, WEEKDAY_DATE)},
                        code="closed",
                    ),
                )
