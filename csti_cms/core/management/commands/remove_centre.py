from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Site

from csti_cms.core.centre_removal import centre_contents, refuse_removing, remove_centre


class Command(BaseCommand):
    help = (
        "Remove a centre that leaves the install: its pages in every language, its site, "
        "settings, plugin switches, visitors' requests, memberships, endorsements and "
        "redirects. Images, documents, users and shared lists stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", required=True, help="the centre's host name")
        parser.add_argument(
            "--port", type=int, default=443, help="the port of its site (default: 443)"
        )
        parser.add_argument(
            "--yes",
            "--no-input",
            action="store_true",
            dest="yes",
            help="remove without asking to type the host name",
        )

    def handle(self, host, port, yes, **options):
        site = self._site(host.lower(), port)
        try:
            refuse_removing(site)
        except ValidationError as error:
            raise CommandError(f"Nothing was changed: {'; '.join(error.messages)}") from None
        name = site.site_name or site.hostname
        self.stdout.write(f"Removing {name} ({site.hostname}:{site.port}) would delete:")
        with translation.override("en"):  # The models' names, in the words of this output.
            self._write_counts(centre_contents(site).kinds())
        if not yes and not self._confirmed(site):
            raise CommandError("Nothing was changed: the host name typed did not match.")
        try:
            removed = remove_centre(site)
        except ValidationError as error:
            raise CommandError(f"Nothing was changed: {'; '.join(error.messages)}") from None
        total = sum(removed.pages.values())
        self.stdout.write(
            self.style.SUCCESS(f"{name} was removed, with its {_pages(total)}.")
            + " Remove its host name from ALLOWED_HOSTS and nginx."
        )
        self.stdout.write(_left_to_review(removed.own_images))

    def _site(self, host, port):
        try:
            return Site.objects.select_related("root_page").get(hostname=host, port=port)
        except Site.DoesNotExist:
            sites = ", ".join(
                f"{site.hostname}:{site.port}" for site in Site.objects.order_by("hostname")
            )
            raise CommandError(
                f"No site answers at {host}:{port}. The sites of this install: {sites}."
            ) from None

    def _write_counts(self, kinds):
        width = max(len(f"{count}") for _kind, count in kinds) if kinds else 0
        for kind, count in kinds:
            self.stdout.write(f"  {count:>{width}}  {kind}")
        self.stdout.write(f"  {1:>{width}}  site")

    def _confirmed(self, site):
        """Whether the operator typed the host name; no terminal or Ctrl-C changes nothing."""
        try:
            answer = input(f"Type the host name ({site.hostname}) to remove it for good: ")
        except EOFError:
            raise CommandError(
                "Nothing was changed: no answer could be read (no terminal). "
                "Run it in a terminal, or add --yes to remove without the question."
            ) from None
        except KeyboardInterrupt:
            self.stdout.write("")
            raise CommandError("Nothing was changed.") from None
        return answer.strip().lower() == site.hostname


def _pages(count):
    return f"{count} page" if count == 1 else f"{count} pages"


def _left_to_review(own_images):
    """What stays, shared by every centre, for the operator to review and delete by hand."""
    images = f" ({own_images} of them shown only by its pages)" if own_images else ""
    return (
        f"Images{images}, documents and user accounts stay: review them in the admin and "
        "delete what no other centre uses."
    )
