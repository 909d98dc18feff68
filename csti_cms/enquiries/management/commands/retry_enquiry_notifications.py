"""Send the e-mails about stored requests that could not be sent when they arrived."""

from django.core.management.base import BaseCommand

from csti_cms.enquiries.services import enquiry_models, retry_pending


class Command(BaseCommand):
    help = (
        "E-mail the team about every stored request whose notification failed "
        "(mail server down, no address set). Safe to run from a timer: it prints only when "
        "it sent or could not send something, or with --verbosity 2."
    )

    def handle(self, *args, **options):
        sent, failed = retry_pending(enquiry_models())
        # cron mails whatever a job prints: a run with nothing to retry stays silent.
        if options["verbosity"] >= 2 or (options["verbosity"] >= 1 and (sent or failed)):
            self.stdout.write(f"{sent} notification(s) sent, {failed} still failing.")
