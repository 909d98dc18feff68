"""Make the picture sizes every live page shows, before visitors ask for them.

After an upgrade that changes a size (a template's, or the sharing image's format), or a
restore without the renditions, each page's first visitor waited while its pictures were
resized in their request, some seconds per camera photo. Publishing warms a page's sizes
(:mod:`csti_cms.core.rendition_warmup`); this command does it for every live page at once,
page by page, each image's sizes in one go, a failure logged and passed over. It also
writes again every size whose row the database has but whose file the media folder lacks
(a restore without ``images/``): Wagtail serves such a size's URL without looking for it.
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page, Site

from csti_cms.core.i18n import pages_of_site
from csti_cms.core.rendition_warmup import (
    make_renditions,
    page_renditions,
    remake_missing_files,
)

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
            help=(
                "only the pages of the site with this host name (default: every site); sizes "
                "whose file is missing are made again for every site"
            ),
        )
        parser.add_argument(
            "--port",
            type=int,
            help="with --site, the port of that site, when its host name has several",
        )

    def handle(self, site=None, port=None, **options):
        pages = Page.objects.live().filter(depth__gt=1)
        if site is not None:
            pages = pages_of_site(self._site(site.lower(), port), pages)
        remade, failed_images = remake_missing_files()
        for image, error in failed_images:
            self.stderr.write(f"Image {image.pk} ({image.title}): {error}")
        images = failures = count = 0
        for page in pages.specific().iterator():
            count += 1
            try:
                images += make_renditions(page_renditions(page), NO_DEADLINE)
            except Exception as error:  # noqa: BLE001 - one page's template must not stop the rest
                failures += 1
                self.stderr.write(f"Page {page.pk} ({page.url_path}): {type(error).__name__}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{count} live pages: sizes made or checked for {images} pictures. "
                f"Sizes whose file was missing, made again: {remade}."
            )
        )
        if failures or failed_images:
            raise CommandError(
                f"Pages that could not be read: {failures}; pictures whose missing sizes "
                f"could not be made: {len(failed_images)}. See above."
            )

    def _site(self, host, port):
        """The site of ``host`` (and ``port``); several ports for one host must be chosen."""
        sites = Site.objects.filter(hostname=host)
        if port is not None:
            sites = sites.filter(port=port)
        found = list(sites.order_by("port"))
        if not found:
            where = host if port is None else f"{host}:{port}"
            raise CommandError(f"No site answers at {where}.")
        if len(found) > 1:
            ports = ", ".join(str(other.port) for other in found)
            raise CommandError(
                f"{host} has several sites, on ports {ports}: choose one with --port."
            )
        return found[0]
