"""What every benchmark prints with its table: the command, the date and the machine.

The tables are Markdown, so a run can be pasted into ``bench/RESULTS.md`` as it is.
"""

import math
import os
import platform
import shlex
import statistics
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def command_line():
    script = Path(sys.argv[0]).resolve()
    if script.is_relative_to(ROOT):
        script = script.relative_to(ROOT)
    return shlex.join([".venv/bin/python", str(script), *sys.argv[1:]])


def memory_gib():
    try:
        with open("/proc/meminfo") as meminfo:
            kib = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
        return f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        return "unknown memory"


def database():
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return {"sqlite3": "SQLite", "postgresql": "PostgreSQL"}.get(engine, engine)


def header(title, with_database=True):
    """The lines above a table: what was measured, by which command, where and when."""
    cores = os.cpu_count()
    parts = [
        f"{date.today().isoformat()}",
        f"{cores} cores, {memory_gib()}",
        f"Python {platform.python_version()}",
    ]
    if with_database:
        parts.append(database())
    return f"### {title}\n\n`{command_line()}`\n\n{', '.join(parts)}.\n"


def table(headers, rows):
    """A Markdown table; columns whose header ends in a unit or count align right."""
    right = [not isinstance(row, str) for row in rows[0]] if rows else [False] * len(headers)
    lines = [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join("---:" if r else "---" for r in right) + " |",
    ]
    for row in rows:
        lines.append("| " + " | ".join(_cell(value) for value in row) + " |")
    return "\n".join(lines)


def _cell(value):
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value) < 1 else f"{value:.1f}"
    return str(value)


def percentile(values, fraction):
    """The value below which ``fraction`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
    return ordered[rank]


def median(values):
    return statistics.median(values)
