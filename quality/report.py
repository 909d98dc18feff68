"""Problems found by the gate, and the report a person reads."""

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One failed check: on which page (its URL), which check, and what is wrong."""

    page: str
    check: str
    message: str


def format_report(problems, pages_checked, languages, checks):
    """The report: problems grouped by page, then a one-line summary."""
    lines = []
    by_page = defaultdict(list)
    for problem in sorted(set(problems)):
        by_page[problem.page].append(problem)
    for page, found in by_page.items():
        lines.append(page)
        lines.extend(f"  [{problem.check}] {problem.message}" for problem in found)
    summary = (
        f"{pages_checked} pages checked ({', '.join(sorted(languages)) or 'no language'}; "
        f"checks: {', '.join(checks)}): "
    )
    if by_page:
        summary += f"{len(set(problems))} problems on {len(by_page)} pages."
    else:
        summary += "no problem."
    lines.append(summary)
    return "\n".join(lines)
