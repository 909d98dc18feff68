"""Erase who sent old requests, keeping what they asked for (see csti_cms.enquiries.retention)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from csti_cms.enquiries.retention import erase_personal_data, erasure_cutoff, retention_days

#: A moment before anything was received: with retention off, no request is due.
EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)


class Command(BaseCommand):
    help = (
        "Erase the contact details and messages of booking and quote requests received more "
        "than CSTI_REQUEST_RETENTION_DAYS days ago (730 by default), and whose visit or event "
        "is as long past, keeping the rest of each request. Safe to run daily from a timer: "
        "it prints only when it erased something, or with --verbosity 2."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            help=(
                "Erase requests received, and visited or held, more than this many days ago, "
                "instead of the setting."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the requests that would be erased.",
        )

    def handle(self, *args, days=None, dry_run=False, verbosity=1, **options):
        days = retention_days() if days is None else days
        if days < 0:
            raise CommandError(f"--days must be 0 or more, not {days}.")
        # With retention off, requests keep their details without end, but what plugins keep
        # only until a link expires or an editor decides (an unconfirmed endorsement, whose
        # e-mail address may be a stranger's) still goes: nothing was received before the
        # earliest moment.
        before = erasure_cutoff(days) if days else EARLIEST
        erased = erase_personal_data(before, dry_run=dry_run)
        # cron mails whatever a job prints: a run that erased nothing stays silent.
        if verbosity >= 2 or (verbosity >= 1 and erased):
            self.stdout.write(self.summary(erased, before if days else None, dry_run))

    @staticmethod
    def summary(erased, before, dry_run):
        """One line in English, like the other scheduled jobs' output, model names included.

        ``before`` is None when retention is off.
        """
        received = f" received before {before:%Y-%m-%d %H:%M} UTC" if before else ""
        if not erased:
            if before is None:
                return "Retention is off (0 days): requests keep their personal details."
            return f"No request{received} still holds personal details."
        with translation.override("en"):
            counts = ", ".join(counted(model, count) for model, count in erased.items())
        verb = "Would erase" if dry_run else "Erased"
        return f"{verb} the personal details of {counts}{received}."


def counted(model, count):
    """The count with the model's name, singular or plural: "1 booking request"."""
    meta = model._meta
    return f"{count} {meta.verbose_name if count == 1 else meta.verbose_name_plural}"
