"""``python -m quality``: run the gate, print the report, exit 1 on any problem.

    python -m quality                      # the demo, served as in production
    python -m quality --language nl --max-pages 5 --checks head,axe
    python -m quality --base-url http://127.0.0.1:8000   # a site already running
    python -m quality --path /fr/ --path /nl/agenda/       # only these pages

Exit status: 0 when every check passes, 1 when a page fails one, 2 when the gate
cannot run (a tool missing, the demo failing to start).
"""

import argparse
import signal
import sys
import time

from .browser import BrowserMissing
from .gate import CHECKS, Gate
from .html_validator import ValidatorMissing
from .report import format_report
from .server import DemoServer


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m quality",
        description="Check every page of the demo site's sitemap (or of the site at --base-url) "
        "and report each problem; exit 1 when there is one.",
    )
    parser.add_argument(
        "--base-url",
        help="check the site running at this address instead of starting the demo "
        "(the sitemap's pages are fetched there, whatever host its addresses name)",
    )
    parser.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="CODE",
        help="check only the pages in this language (repeat for several)",
    )
    parser.add_argument(
        "--path",
        action="append",
        default=[],
        metavar="PATH",
        help="check only the page of the sitemap at this path, e.g. /fr/agenda/ "
        "(repeat for several)",
    )
    parser.add_argument(
        "--max-pages", type=int, metavar="N", help="check at most N pages per language"
    )
    parser.add_argument(
        "--checks",
        default=",".join(CHECKS),
        help=f"comma-separated checks to run (default: all of {','.join(CHECKS)})",
    )
    arguments = parser.parse_args(argv)
    arguments.checks = [check.strip() for check in arguments.checks.split(",") if check.strip()]
    unknown = set(arguments.checks) - set(CHECKS)
    if unknown:
        parser.error(f"unknown checks: {', '.join(sorted(unknown))}")
    return arguments


def log(message):
    print(message, flush=True)


def check(base_url, arguments):
    gate = Gate(
        base_url,
        arguments.language,
        arguments.max_pages,
        arguments.checks,
        log=log,
        paths=arguments.path,
    )
    problems = gate.run()
    print()
    print(format_report(problems, len(gate.pages), {p.language for p in gate.pages}, gate.checks))
    return 1 if problems else 0


def main(argv=None):
    arguments = parse_arguments(argv)
    # Stopped from outside (a CI time limit), still stop the demo server and remove its data.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    began = time.monotonic()
    try:
        if arguments.base_url:
            status = check(arguments.base_url, arguments)
        else:
            with DemoServer(log=log) as server:
                status = check(server.base_url, arguments)
    except (BrowserMissing, ValidatorMissing, RuntimeError) as error:
        print(f"The quality gate could not run: {error}", file=sys.stderr)
        return 2
    print(
        f"Quality gate {'passed' if status == 0 else 'FAILED'} in {time.monotonic() - began:.0f}s."
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
