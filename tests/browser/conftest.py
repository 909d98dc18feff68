"""A real demo server and Debian's Chromium for tests of what visitors see.

The server runs in its own process on its own SQLite database, loaded with the
demo content exactly as `make setup` does, so the browser sees the real thing.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from quality.browser import AXE, CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=300,
    )


def _wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the demo server stopped with code {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own local server
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the demo server did not answer at {url} within {timeout}s")


def url_with(*parts):
    """For ``page.wait_for_url``: a URL holding every part, in any order (say, query filters)."""
    return lambda url: all(part in url for part in parts)


def show_the_map(page):
    """Scroll to the agenda's map and ask for it, as a visitor does: its tiles come from
    OpenStreetMap's server (the demo's setting), so the page waits for the click."""
    page.locator(".agenda-map").scroll_into_view_if_needed()
    page.locator(".agenda-map__show").click()


@pytest.fixture(scope="session")
def demo_env():
    """The demo server's environment: run ``manage.py`` with it to reach its database."""
    data_dir = tempfile.mkdtemp(prefix="csti-browser-")
    port = _free_port()
    yield {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
        },
        "DJANGO_SETTINGS_MODULE": "sites.demo.settings.dev",
        "CSTI_DATA_DIR": data_dir,
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "DEBUG": "1",
    }
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def demo_server(demo_env):
    env = demo_env
    port = env["WAGTAILADMIN_BASE_URL"].rsplit(":", 1)[1]
    _manage(env, "migrate", "--no-input")
    _manage(env, "load_demo_content")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base_url}/robots.txt", process)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser-tools`.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def axe_violations():
    """Run axe-core on the current page; returns its violations (empty when accessible)."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does).")

    def run(page):
        # A click that navigates returns once the new page starts loading: check the whole page.
        page.wait_for_load_state("load")
        # Evaluated rather than added as a <script>, which the Content-Security-Policy refuses.
        page.evaluate(AXE.read_text())
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
        ]

    return run
