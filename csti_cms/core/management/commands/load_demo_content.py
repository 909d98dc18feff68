from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from csti_cms.core.demo_content import ContentFileError, DemoContentLoader
from csti_cms.core.demo_translation import TranslationMismatch
from csti_cms.core.redirects import building_new_content


class Command(BaseCommand):
    help = "Load the demo centre's pages, images and settings in French, Dutch and English."

    def add_arguments(self, parser):
        parser.add_argument(
            "--from",
            dest="directory",
            default=getattr(settings, "CSTI_DEMO_CONTENT_DIR", None),
            help="Folder holding content.json and its media (default: CSTI_DEMO_CONTENT_DIR).",
        )

    def handle(self, directory=None, **options):
        if not directory:
            # A site installed with pip has no fixtures/demo: the wheel leaves it out.
            raise CommandError(
                "Say where the content is: --from DIR or CSTI_DEMO_CONTENT_DIR. The demo "
                "content is not installed with csti-cms: it is the fixtures/demo folder of its "
                "source, in a checkout of the repository or in the source archive "
                "(pip download --no-deps --no-binary csti-cms csti-cms)."
            )
        try:
            with building_new_content():
                report = DemoContentLoader(Path(directory)).load()
        except (ContentFileError, TranslationMismatch) as error:
            raise CommandError(f"Demo content not loaded, nothing was changed: {error}") from None
        except ValidationError as error:
            # Typically a page of the database already holds an address the demo needs.
            raise CommandError(
                "Demo content not loaded, nothing was changed: it clashes with content "
                f"already in the database ({'; '.join(error.messages)})."
            ) from None
        self.stdout.write(
            f"Demo content: {len(report.created)} items created, "
            f"{len(report.kept)} already there and left unchanged."
        )
