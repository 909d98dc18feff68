"""One request sent twice is stored once: a double tap, or Back and send again.

A visitor on a slow connection taps "Send" twice; another goes back from the thank-you
page, finds every field refilled by the browser and sends again. Both would store a second
copy of the request and e-mail the team twice. Two marks on each request tell a repeat:

- the form's one-time token (:class:`OneTimeSubmissionMixin`), a hidden field drawn anew
  each time the form is shown and kept while the visitor corrects it. The browser sends it
  again with a repeat, and the database accepts each token once (a unique constraint), so
  two copies sent at the same moment to two workers cannot both be stored;
- a fingerprint of what the visitor wrote (:func:`fingerprint`), for a repeat that comes
  with a new token (a browser that does not refill hidden fields, a form opened anew and
  filled in the same): the same request, on the same site, within :data:`REPEAT_WINDOW`.
  Copies sent at the same moment from several tabs, each with its own token, are looked
  for and stored one at a time (:func:`one_at_a_time`), so the second finds the first.

A repeat is neither stored nor announced: the visitor is shown the thank-you page of the
request the team already has. A request with the same details sent after the window, or
from the same page with something changed (Back to correct the date), is a new request and
is kept.
"""

import json
import uuid
from contextlib import contextmanager
from datetime import timedelta

from django import forms
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

#: How long the same request sent again counts as a repeat rather than a new request.
REPEAT_WINDOW = timedelta(minutes=30)


class SubmissionTokenField(forms.CharField):
    """The hidden one-time token: a UUID, or ``None`` for anything else (a robot's value,
    a page older than the token), which must never keep a visitor from sending."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, initial=lambda: uuid.uuid4().hex, **kwargs)

    def clean(self, value):
        try:
            return uuid.UUID(str(super().clean(value)))
        except ValueError:
            return None


class OneTimeSubmissionMixin:
    """Mix into a request form sent through :func:`~.services.submit`, before the others.

    The token is a hidden field: the request form's template shows every hidden field.
    """

    submission_field = "submission"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.submission_field] = SubmissionTokenField()

    @property
    def submission_token(self):
        """The form's one-time token as sent, or ``None``."""
        return self.cleaned_data.get(self.submission_field)


def fingerprint(form, site):
    """A keyed hash of what the visitor wrote in ``form``, on ``site``.

    Keyed with the secret key: the hash of a few personal details could otherwise be
    matched against guesses. Line ends and surrounding spaces do not count, nor the
    token and the honeypot.
    """
    left_out = {getattr(form, "submission_field", None), getattr(form, "honeypot_field", None)}
    answers = {
        name: _comparable(value)
        for name, value in form.cleaned_data.items()
        if name not in left_out
    }
    payload = json.dumps(
        {"site": site.pk if site else None, "answers": answers, "links": _set_by_the_view(form)},
        sort_keys=True,
        cls=DjangoJSONEncoder,
    )
    return salted_hmac("csti-enquiries-submission", payload, algorithm="sha256").hexdigest()


def _set_by_the_view(form):
    """What the view links the request to before the visitor writes a word: the activity
    a booking form belongs to. Two classes booked the same day for two activities are
    two requests, though every answer is the same."""
    instance = getattr(form, "instance", None)
    if instance is None:
        return {}
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if field.is_relation and field.name not in form.fields
    }


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted((_comparable(item) for item in value), key=str)
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return value


def earlier_copy(model, fingerprint_):
    """The request of ``model`` that one with ``fingerprint_`` repeats, or ``None`` if it is new.

    The token is not asked: the same token with other answers is the visitor correcting
    their request after sending it, a new request; the same answers are found by their
    fingerprint whatever the token.
    """
    recent = model.objects.filter(
        submission_fingerprint=fingerprint_, created_at__gte=timezone.now() - REPEAT_WINDOW
    )
    return recent.order_by("created_at").first()


@contextmanager
def one_at_a_time(fingerprint_):
    """A transaction in which a request with ``fingerprint_`` is looked for and stored while
    no other copy of it is: the same booking sent at once from three tabs, each with its own
    token, is stored once, and the second and third copies find the first.

    A unique constraint cannot say it, as a fingerprint counts for :data:`REPEAT_WINDOW`
    only. On PostgreSQL a lock keyed on the fingerprint, held until the transaction ends,
    makes copies of one request wait for each other and no other request wait at all. On
    SQLite the write lock taken as the transaction starts (``IMMEDIATE``,
    :data:`~csti_cms.settings.env.SQLITE_SHARED_BY_WORKERS`) already makes every writer
    wait its turn.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_key(fingerprint_)])
        yield


def _lock_key(fingerprint_):
    """The 64-bit signed number PostgreSQL's advisory locks are keyed on, from the fingerprint's
    first 16 hexadecimal digits: two requests sharing them are as unlikely as one guessed."""
    return int.from_bytes(bytes.fromhex(fingerprint_[:16]), "big", signed=True)


def token_to_record(model, token):
    """``token``, or ``None`` when a request already holds it but is not repeated by this one
    (sent from the same page, with something changed or long ago): it is kept all the same."""
    if token is not None and model.objects.filter(submission_token=token).exists():
        return None
    return token
