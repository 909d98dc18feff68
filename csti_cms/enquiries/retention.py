"""How long a request keeps the details of the person who sent it.

A request names who to answer (name, e-mail, phone) and holds what they and the team
wrote in their own words (a pupil's needs, a message, internal notes), which may
say more about a person than a booking needs. The team needs all of it while they
answer and until the visit or the event. After ``CSTI_REQUEST_RETENTION_DAYS`` (two
years by default) ``manage.py erase_old_personal_data``, run daily, blanks those
fields and keeps the rest: the centre still counts its school groups and events by
year, level and activity, but no longer knows who asked. The public forms tell
visitors the period, as data-protection law asks of whoever collects their details.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail import hooks

from csti_cms.core.hooks import ERASE_PERSONAL_DATA

from .services import enquiry_models

logger = logging.getLogger(__name__)


def retention_days():
    """The days a request keeps personal details; ``0`` keeps them without end."""
    return settings.CSTI_REQUEST_RETENTION_DAYS


def erasure_cutoff(days, now=None):
    """Requests received before this moment are due for erasure."""
    return (now or timezone.now()) - datetime.timedelta(days=days)


def due_for_erasure(model, before):
    """Requests of ``model`` received before ``before`` whose details are still there."""
    return model.objects.filter(created_at__lt=before, personal_data_erased_at__isnull=True)


def blanked(model):
    """The value each personal field of ``model`` is erased to: empty, or null where allowed."""
    fields = (model._meta.get_field(name) for name in model.personal_fields)
    return {field.name: None if field.null else "" for field in fields}


def erase_personal_data(before, *, dry_run=False):
    """Erase the personal fields of every request received before ``before``.

    Returns ``{model: count}`` of the requests erased (or, with ``dry_run``, due),
    leaving out models with none. Apps and plugins erase what they keep through the
    ``csti_erase_personal_data`` hook (:mod:`csti_cms.core.hooks`). All kinds are erased
    in one transaction, so a failure leaves everything as it was.
    """
    erased = {}
    now = timezone.now()
    with transaction.atomic():
        for model in enquiry_models():
            due = due_for_erasure(model, before)
            count = (
                due.count()
                if dry_run
                else due.update(personal_data_erased_at=now, **blanked(model))
            )
            if count:
                erased[model] = count
        for erase in hooks.get_hooks(ERASE_PERSONAL_DATA):
            erased.update(
                (model, count) for model, count in erase(before, dry_run).items() if count
            )
    if not dry_run:
        for model, count in erased.items():
            logger.info(
                "Erased the personal details of %d %s received before %s",
                count,
                model._meta.label_lower,
                before.isoformat(timespec="seconds"),
            )
    return erased


def retention_period_text(days=None):
    """The retention period as visitors read it ("2 years", "6 months", "90 days"), or ""
    when details are kept without end."""
    days = retention_days() if days is None else days
    if not days:
        return ""
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if days % 30 == 0:
        months = days // 30
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
