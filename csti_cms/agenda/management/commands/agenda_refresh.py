from django.core.management.base import BaseCommand

from csti_cms.agenda.sync import refresh_all
from csti_cms.core.caching import content_changed


class Command(BaseCommand):
    help = (
        "Rebuild the dates of every live event. Run it daily or weekly (cron, systemd timer): "
        "repeating events without an end are materialised a fixed time ahead. "
        "Silent unless run with --verbosity 2, as cron mails whatever a job prints."
    )

    def handle(self, **options):
        count = refresh_all()
        # Agendas list the new dates; cached pages and listings are read afresh.
        content_changed()
        # Every run rebuilds every event, so the count is routine: told only when asked.
        if options["verbosity"] >= 2:
            self.stdout.write(f"Agenda refreshed: {count} event pages.")
