"""Install the Belgian and/or French school levels in every language of the site."""

from django.core.management.base import BaseCommand, CommandError

from csti_cms.schools.levels import SYSTEMS, install_levels


class Command(BaseCommand):
    help = (
        "Create the school levels of the Belgian (be) and French (fr) systems that are "
        "missing, in every language of the site. Safe to run again: existing levels, "
        "renamed or not, are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "systems",
            nargs="*",
            metavar="system",
            help=f"Systems to install: {', '.join(SYSTEMS)} (default: all).",
        )

    def handle(self, *args, systems=(), **options):
        known = [str(system) for system in SYSTEMS]
        unknown = [system for system in systems if system not in known]
        if unknown:
            raise CommandError(
                f"Unknown school system {', '.join(unknown)}: choose from {', '.join(known)}."
            )
        for system in systems or known:
            created = install_levels(system)
            self.stdout.write(f"{system}: {created} level(s) created.")
