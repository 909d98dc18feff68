"""How long an endorsement keeps what it holds, erased by ``manage.py erase_old_personal_data``.

An endorsement names a contact (name, e-mail address) so that the centre can confirm
and discuss it; the organisation, its country and website are published with its
consent and stay while it endorses. The retention job calls :func:`erase_old_endorsements`
for every site, whether the plugin is switched on there or not:

- an endorsement never confirmed goes once its link has expired: it can never become
  public, and its e-mail address may be a stranger's (anyone can type one);
- a rejected endorsement goes ``DECLARATIONS_REJECTED_RETENTION_DAYS`` after the
  decision, time enough for the organisation to ask why or an editor to undo it;
- any other endorsement loses its contact's name and e-mail address once sent before
  the install's retention period (``CSTI_REQUEST_RETENTION_DAYS``), as requests do.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from csti_cms.plugins import label_history_by_number

from .models import Endorsement, EndorsementStatus


def never_confirmed(now):
    """Endorsements whose confirmation link has expired (or was never sent) unused."""
    expired = now - timedelta(seconds=settings.DECLARATIONS_CONFIRMATION_MAX_AGE)
    return Q(confirmed_at__isnull=True, submitted_at__lt=expired)


def rejected_long_ago(now):
    """Endorsements rejected more than ``DECLARATIONS_REJECTED_RETENTION_DAYS`` ago.

    One rejected before moderation dates were kept counts from when it was sent.
    """
    cutoff = now - timedelta(days=settings.DECLARATIONS_REJECTED_RETENTION_DAYS)
    decided = Q(moderated_at__lt=cutoff) | Q(moderated_at__isnull=True, submitted_at__lt=cutoff)
    return Q(status=EndorsementStatus.REJECTED) & decided


def due_for_deletion(now):
    return Endorsement.objects.filter(never_confirmed(now) | rejected_long_ago(now))


def due_for_erasure(before, now):
    """Endorsements sent before ``before`` that still name their contact and stay."""
    return Endorsement.objects.filter(
        submitted_at__lt=before, personal_data_erased_at__isnull=True
    ).exclude(never_confirmed(now) | rejected_long_ago(now))


def erase_old_endorsements(before, dry_run=False):
    """Delete the endorsements due, blank the contacts due; ``{Endorsement: count}``.

    Runs in the retention job's transaction (``erase_old_personal_data``).
    """
    now = timezone.now()
    deleted = due_for_deletion(now)
    erased = due_for_erasure(before, now)
    if dry_run:
        return {Endorsement: deleted.count() + erased.count()}
    label_history_by_number(Endorsement, deleted)
    label_history_by_number(Endorsement, erased)
    count = erased.update(contact_name="", email="", personal_data_erased_at=now)
    count += deleted.delete()[1].get(Endorsement._meta.label, 0)
    return {Endorsement: count}
