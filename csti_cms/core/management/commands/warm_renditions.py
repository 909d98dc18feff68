"""Make the picture sizes every live page shows, before visitors ask for them.

After an upgrade that changes a size (a template's, or the sharing image's format), or a
restore without the renditions, each page's first visitor waited while its pictures were
resized in their request, some seconds per camera photo. Publishing warms a page's sizes
(:mod:`csti_cms.core.rendition_warmup`); this command does it for every live page at once,
page by page, each image's sizes in one go, a failure logged and passed over.
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page, Site

from csti_cms.core.i18n import pages_of_site
from csti_cms.core.rendition_warmup import make_renditions, page_renditions

#: No time limit per page: an operator runs the command to have everything made.
NO_DEADLINE = float("inf")


class Command(BaseCommand):
    help = (
        "Make the picture sizes every live page shows (after an upgrade that changes them, "
        "or a restore without them), so that no visitor waits for them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            metavar="HOSTNAME",
            help="only the pages of the site with this host name (default: every site)",
        )

    def handle(self, site=None, **options):
        pages = Page.objects.live().filter(depth__gt=1)
        if site is not None:
            found = Site.objects.filter(hostname=site).first()
            if found is None:
                raise CommandError(f"No site has the host name {site!r}.")
            pages = pages_of_site(found, pages)
        images = failures = count = 0
        for page in pages.specific().iterator():
            count += 1
            try:
                images += make_renditions(page_renditions(page), NO_DEADLINE)
            except Exception as error:  # noqa: BLE001 - one page's template must not stop the rest
                failures += 1
                self.stderr.write(f"Page {page.pk} ({page.url_path}): {type(error).__name__}")
        self.stdout.write(
            self.style.SUCCESS(f"{count} live pages: sizes made or checked for {images} pictures.")
        )
        if failures:
            raise CommandError(f"{failures} pages could not be read; see above.")
