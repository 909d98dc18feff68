"""Send the e-mails about stored requests that could not be sent when they arrived."""

from django.core.management.base import BaseCommand

from csti_cms.enquiries.services import enquiry_models, retry_pending


class Command(BaseCommand):
    help = (
        "E-mail the team about every stored request whose notification failed "
        "(mail server down, no address set). Safe to run from a timer: it prints only when "
        "it sent or could not send something, or with --verbosity 2. It stops at the first "
        "request the mail server cannot be reached for. Runs that overlap, on one server or "
        "several, never send the same notification twice: each request is claimed in the "
        "database before its e-mail is sent, and one being sent is left alone."
    )

    def handle(self, *args, verbosity=1, **options):
        sent, failed, left = retry_pending(enquiry_models())
        # cron mails whatever a job prints: a run with nothing to retry stays silent.
        if verbosity >= 2 or (verbosity >= 1 and (sent or failed)):
            self.stdout.write(self.summary(sent, failed, left))

    @staticmethod
    def summary(sent, failed, left):
        """One line in English, like the other scheduled jobs' output."""
        line = f"{sent} notification(s) sent, {failed} still failing."
        if left:
            line += f" The mail server could not be reached: {left} more left for the next run."
        return line
