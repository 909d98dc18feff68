"""The ``csti-cms`` command: tools for people who install and extend csti-cms.

Sub-commands are small functions registered in ``COMMANDS``; each one takes the
parsed arguments and returns an exit status.
"""

import argparse
import shlex
import sys

from csti_cms import __version__


def version(args):
    print(f"csti-cms {__version__}")
    return 0


def startplugin(args):
    from csti_cms.plugins.scaffold import ScaffoldError, create_plugin, names_for

    try:
        target = create_plugin(args.name, args.directory)
    except ScaffoldError as error:
        print(f"csti-cms startplugin: {error}", file=sys.stderr)
        return 2
    names = names_for(args.name)
    print(f"Created {target}")
    print(f"  pip install -e {target}")
    print(f"  python manage.py csti_plugins enable {names['label']} --site <host name>")
    return 0


def start(args):
    from csti_cms.site_scaffold import SiteScaffoldError, create_site

    try:
        site = create_site(args.name, args.directory, centre_name=args.centre_name)
    except SiteScaffoldError as error:
        print(f"csti-cms start: {error}", file=sys.stderr)
        return 2
    settings = f"sites.{args.name}.settings.dev"
    print(f"Created {site.package}")
    if site.manage_py:
        print(f"Created {site.manage_py}: it runs {settings} unless DJANGO_SETTINGS_MODULE is set")
    print("Try it on this machine (see the self-hosting guide for a server):")
    if args.directory != ".":
        print(f"  cd {shlex.quote(args.directory)}")
    if not site.manage_py:
        # The folder's own manage.py (a checkout's runs the demo) is told which site to run.
        print(f"  export DJANGO_SETTINGS_MODULE={settings}")
    print("  python manage.py migrate")
    print("  python manage.py add_centre --host localhost --port 8000")
    print("  python manage.py createsuperuser")
    print("  python manage.py runserver")
    return 0


def _start_arguments(parser):
    parser.add_argument("name", help="the site's package name, e.g. technopolis")
    parser.add_argument("--centre-name", help="the centre's name, shown in the admin")
    parser.add_argument(
        "--directory",
        default=".",
        help="the folder to write sites/<name>/ in, a checkout or a new folder; "
        "a manage.py is written there unless it has one (default: here)",
    )


def _startplugin_arguments(parser):
    parser.add_argument("name", help="the plugin's name, e.g. science-quiz")
    parser.add_argument("--directory", default=".", help="where to create it (default: here)")


COMMANDS = {
    "version": (version, "print the installed csti-cms version", None),
    "start": (start, "write the site package of a new centre", _start_arguments),
    "startplugin": (
        startplugin,
        "write a new plugin package to start from",
        _startplugin_arguments,
    ),
}


def build_parser():
    parser = argparse.ArgumentParser(
        prog="csti-cms",
        description="Tools for science-centre sites built on csti-cms.",
    )
    parser.add_argument("--version", action="version", version=f"csti-cms {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (handler, help_text, add_arguments) in COMMANDS.items():
        subparser = subcommands.add_parser(name, help=help_text)
        if add_arguments:
            add_arguments(subparser)
        subparser.set_defaults(handler=handler)
    return parser


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
