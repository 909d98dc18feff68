"""Two team members following up one request at once: the later save never wipes the earlier.

Each edit form carries, hidden, a fingerprint of what the editor loaded (the fields the
form edits, and whether the visitor's details were erased since) and when they loaded
it. Saving compares it with the stored row, locked until the save ends: a form opened
before someone else's change is refused, names who changed the request and when (from
the request's history), and keeps what the editor typed, to copy into the reloaded form.

Wagtail's own conflict detection (editing sessions, ``is_out_of_date``) works from
revisions (``RevisionMixin``): requests keep none, as a revision would keep a visitor's
details after the retention job erased them from the request, and it only refuses
autosaves, not a plain "Save".
"""

import hashlib
import json
from datetime import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.utils import get_user_display_name
from wagtail.log_actions import registry as log_registry

#: The hidden field holding what the editor loaded.
LOADED_VERSION = "loaded_version"
#: Stored fields that make an open form stale besides those it edits: notes typed before
#: the retention job erased a request must not be written back after it.
ALSO_WATCHED = ("personal_data_erased_at",)


def follow_up_fingerprint(enquiry, field_names):
    """A short hash of the stored values of ``field_names`` (and :data:`ALSO_WATCHED`).

    A hash rather than a version column: no migration for every kind of request, and
    a change undone (status set back) is no change to refuse.
    """
    names = sorted({*field_names, *ALSO_WATCHED})
    values = [[name, enquiry._meta.get_field(name).value_to_string(enquiry)] for name in names]
    return hashlib.sha256(json.dumps(values).encode()).hexdigest()[:32]


class LoadedVersionField(forms.CharField):
    """Hidden; never counts as a change, so the history logs only what editors changed."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


def loaded_version(fingerprint, loaded_at):
    return f"{fingerprint}@{loaded_at.isoformat()}"


def parse_loaded_version(value):
    """``(fingerprint, loaded_at)``, or ``(None, None)`` for a form without one (opened
    before this check existed, or posted by a script): such a save is not checked."""
    fingerprint, _sep, when = (value or "").partition("@")
    try:
        return fingerprint or None, datetime.fromisoformat(when)
    except ValueError:
        return fingerprint or None, None


def change_after(enquiry, loaded_at):
    """The latest entry of ``enquiry``'s history after ``loaded_at``, if any."""
    if loaded_at is None:
        return None
    entries = log_registry.get_logs_for_instance(enquiry).filter(timestamp__gt=loaded_at)
    return entries.select_related("user").order_by("-timestamp", "-pk").first()


def when_for_the_editor(moment):
    """ "14:32" today, the date too on another day, in the editor's time zone."""
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return formats.time_format(local, "H:i")
    return formats.date_format(local, "SHORT_DATETIME_FORMAT")


def stale_form_message(entry):
    """What the editor reads: who changed the request and when, when the history says."""
    if entry is not None and entry.user is not None:
        return _(
            "This request was changed by %(user)s at %(time)s since you opened it. Copy what "
            "you typed, reload the request to see the change, then make yours again."
        ) % {
            "user": get_user_display_name(entry.user),
            "time": when_for_the_editor(entry.timestamp),
        }
    return _(
        "This request was changed since you opened it. Copy what you typed, reload the "
        "request to see the change, then make yours again."
    )


class FollowUpForm(WagtailAdminModelForm):
    """The team's follow-up of a request, carrying what the editor loaded."""

    loaded_version = LoadedVersionField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[LOADED_VERSION].initial = loaded_version(
            follow_up_fingerprint(self.instance, self.watched_fields), timezone.now()
        )

    @property
    def watched_fields(self):
        """The stored fields this form edits."""
        stored = {field.name for field in self._meta.model._meta.concrete_fields}
        return [name for name in self.fields if name in stored]

    def keep_what_it_does_not_edit(self, stored):
        """Take from ``stored``, the row as locked for the save, every field this form does
        not edit: the row was read when the request reached the server, and a notification
        sent meanwhile (its ``notified`` record, its claim) must not go back to unsent."""
        edited = set(self.watched_fields)
        for field in self._meta.model._meta.concrete_fields:
            if field.name not in edited and not field.primary_key:
                setattr(self.instance, field.attname, getattr(stored, field.attname))

    def refuse_if_stale(self, stored):
        """Add the error and return ``True`` when ``stored`` changed since the form was
        opened; ``stored`` is the row as it is now, locked by the caller."""
        fingerprint, loaded_at = parse_loaded_version(
            self.data.get(self.add_prefix(LOADED_VERSION))
        )
        if fingerprint is None:
            return False
        now_stored = follow_up_fingerprint(stored, self.watched_fields)
        if now_stored in (fingerprint, follow_up_fingerprint(self.instance, self.watched_fields)):
            return False  # nothing changed since, or the change made is the one sent: none lost
        self.add_error(None, stale_form_message(change_after(stored, loaded_at)))
        return True
