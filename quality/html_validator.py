"""The Nu HTML checker (vnu.jar from npm's ``vnu-jar``), run with the machine's Java.

vnu refuses to fetch from 127.0.0.1, so the gate gives it the pages' HTML as files,
many per run: one Java start-up for a whole batch.
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BATCH = 100
TIMEOUT = 600


class ValidatorMissing(RuntimeError):
    """Java or vnu.jar is not installed; the message says how to get it."""


def check_tools():
    if shutil.which("java") is None:
        raise ValidatorMissing(
            "Java is needed for the Nu HTML checker: run `scripts/ensure-java` "
            "(Debian: apt-get install default-jre-headless)."
        )
    if not VNU.exists():
        raise ValidatorMissing(f"vnu.jar is missing ({VNU}): run `npm ci`.")


def describe(message):
    where = f"line {message['lastLine']}" if "lastLine" in message else "document"
    extract = " ".join(message.get("extract", "").split())[:120]
    text = f"{where}: {message.get('message', '').strip()}"
    return f"{text} [{extract}]" if extract else text


def _run(files):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", "--errors-only", "--html"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    try:
        return json.loads(result.stdout or "{}").get("messages", [])
    except json.JSONDecodeError as error:
        raise RuntimeError(
            f"vnu gave no JSON report ({error}): {result.stdout[:500]}{result.stderr[:500]}"
        ) from None


def html_errors(documents):
    """``{url: [error, ...]}`` for ``documents``, a mapping of URL to HTML text."""
    check_tools()
    folder = Path(tempfile.mkdtemp(prefix="csti-vnu-"))
    try:
        by_file = {}
        for number, (url, html) in enumerate(documents.items()):
            path = folder / f"page-{number:05d}.html"
            path.write_text(html, encoding="utf-8")
            by_file[path.resolve().as_uri()] = url
        errors = {url: [] for url in documents}
        files = sorted(folder.iterdir())
        for start in range(0, len(files), BATCH):
            for message in _run(files[start : start + BATCH]):
                if message.get("type") not in {"error", "non-document-error"}:
                    continue
                url = by_file.get(_normalise(message.get("url", "")))
                if url is None:
                    raise RuntimeError(f"vnu could not check the pages: {message}")
                errors[url].append(describe(message))
        return errors
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _normalise(file_url):
    """vnu writes ``file:/tmp/x`` where Python writes ``file:///tmp/x``."""
    if file_url.startswith("file:") and not file_url.startswith("file://"):
        return "file://" + file_url[len("file:") :]
    return file_url
