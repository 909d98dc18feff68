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


COMMANDS = {
    "version": (version, "print the installed csti-cms version"),
}


def build_parser():
    parser = argparse.ArgumentParser(
        prog="csti-cms",
        description="Tools for science-centre sites built on csti-cms.",
    )
    parser.add_argument("--version", action="version", version=f"csti-cms {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (handler, help_text) in COMMANDS.items():
        subcommands.add_parser(name, help=help_text).set_defaults(handler=handler)
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
