"""The gate itself, on a tiny site with sound pages and pages broken on purpose.

The gate runs as ``make quality`` runs it (``python -m quality``), pointed at the
tiny site; its report must pass the sound pages and name each broken thing.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from . import site

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report():
    server = site.serve()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        result = subprocess.run(
            [sys.executable, "-m", "quality", "--base-url", base],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode != 2, result.stderr
    return result.returncode, result.stdout.replace(base, "")


def problems_of(output, path):
    """The report's lines about one page (given without the site's address)."""
    lines = output.splitlines()
    start = lines.index(path) + 1 if path in lines else len(lines)
    found = []
    for line in lines[start:]:
        if not line.startswith("  ["):
            break
        found.append(line.strip())
    return found


def test_the_gate_fails_on_the_broken_pages(report):
    status, output = report
    assert status == 1
    assert "Quality gate FAILED" in output
    assert "5 pages checked (en, fr;" in output


@pytest.mark.parametrize("path", ["/fr/", "/en/"])
def test_sound_pages_pass_every_check(report, path):
    assert problems_of(report[1], path) == []


def test_an_image_without_alt_text_fails(report):
    problems = problems_of(report[1], "/fr/sans-alt/")
    assert any(p.startswith("[axe] image-alt (critical)") for p in problems), problems
    assert any(
        p.startswith("[html]") and "“img” element must have an “alt” attribute" in p
        for p in problems
    ), problems


def test_a_page_without_lang_fails(report):
    problems = problems_of(report[1], "/fr/sans-langue/")
    assert "[head] <html> has no lang attribute" in problems
    assert any(p.startswith("[axe] html-has-lang (serious)") for p in problems), problems


def test_head_links_structured_data_and_markup_problems_are_named(report):
    problems = problems_of(report[1], "/fr/abime/")
    assert '[head] no <meta name="description">, or an empty one' in problems
    assert '[head] no OpenGraph "og:image" (<meta property="og:image" content="...">)' in problems
    assert "[head] canonical URL /fr/ailleurs/ is not the page's address /fr/abime/" in problems
    assert '[links] link "Une page disparue" -> /fr/disparue/ answers 404' in problems
    assert '[links] link to "#nulle-part" but no element has id="nulle-part"' in problems
    assert (
        "[structured-data] JSON-LD block 1 item 1 (Event) lacks startDate, which Google requires"
        in problems
    )
    assert any(p.startswith("[structured-data] JSON-LD block 2 does not parse") for p in problems)
    assert any(p.startswith("[html] line") and "“p”" in p for p in problems), problems
    assert "[console] uncaught ReferenceError: notDefinedAnywhere is not defined" in problems, (
        problems
    )
