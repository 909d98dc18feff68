"""The ``csti-cms`` command: tools for people who install and extend csti-cms.

Sub-commands are small functions registered in ``COMMANDS``; each one takes the
parsed arguments and returns an exit status.
"""

import argparse
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


def _startplugin_arguments(parser):
    parser.add_argument("name", help="the plugin's name, e.g. science-quiz")
    parser.add_argument("--directory", default=".", help="where to create it (default: here)")


COMMANDS = {
    "version": (version, "print the installed csti-cms version", None),
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
