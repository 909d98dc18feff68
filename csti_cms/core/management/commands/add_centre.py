import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from csti_cms.core.centres import add_centre

HOST_NAME = re.compile(
    r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"
)


class Command(BaseCommand):
    help = (
        "Set up a centre: its home pages in every language and the Wagtail site answering at "
        "its host name. The first centre replaces Wagtail's welcome page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", required=True, help="host name, e.g. www.example-centre.org")
        parser.add_argument(
            "--port",
            type=int,
            default=443,
            help="443 (the default) for a site served over HTTPS, 80 for plain HTTP, or the "
            "port a test server listens on",
        )
        parser.add_argument(
            "--name",
            default=settings.WAGTAIL_SITE_NAME,
            help="the centre's name (default: WAGTAIL_SITE_NAME of the settings)",
        )
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            help="the language the home page is written in (default: LANGUAGE_CODE)",
        )

    def handle(self, host, port, name, language, **options):
        host = host.lower()
        if not HOST_NAME.match(host):
            raise CommandError(
                f"{host!r} is not a host name: give it without scheme, port or path, "
                "e.g. www.example-centre.org."
            )
        try:
            centre = add_centre(name, host, port, language)
        except ValidationError as error:
            raise CommandError(f"Nothing was changed: {'; '.join(error.messages)}") from None
        admin = centre.site.root_url + reverse("wagtailadmin_home")
        self.stdout.write(f"{name} answers at {centre.home.get_full_url()} (admin: {admin}).")
        for draft in centre.drafts:
            edit = centre.site.root_url + reverse("wagtailadmin_pages:edit", args=[draft.pk])
            self.stdout.write(
                f"  {draft.locale.get_display_name()}: a draft to translate and publish, {edit}"
            )
        self.stdout.write(
            "Next, in the admin: translate the home page, then fill in Settings → Branding and "
            "Settings → Contact details for this site."
        )
