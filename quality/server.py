"""The demo site served as in production, on a private database, for the gate and benchmarks.

Start-up is what an operator does: migrate, load the demo content, collect the static
files, then gunicorn on ``sites.demo.wsgi`` with the production settings (through
:mod:`quality.settings`). Everything lives in a temporary data folder removed at the
end (its own SQLite file, unless ``DATABASE_URL`` names a database to use instead);
``var/`` is never touched.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "quality.settings"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(data_dir, base_url, **extra):
    """The environment of a production-like demo answering at ``base_url``.

    The demo site's host name is taken from ``WAGTAILADMIN_BASE_URL`` when the
    content is loaded, so the sitemap and canonical URLs point at this server.
    """
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        CSTI_DATA_DIR=str(data_dir),
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        WAGTAILADMIN_BASE_URL=base_url,
        **extra,
    )
    return environment


class DemoServer:
    """Context manager: a gunicorn serving the demo; ``base_url`` is where it answers.

    ``workers`` gunicorn processes (sync workers, as ``sites.demo.wsgi`` is served);
    ``extra_env`` adds settings, for example ``CSTI_PAGE_CACHE_SECONDS=0``.
    """

    def __init__(self, workers=2, extra_env=None, log=print):
        self.workers = workers
        self.extra_env = extra_env or {}
        self.log = log
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.data_dir = Path(tempfile.mkdtemp(prefix="csti-quality-"))
        self.env = server_environment(self.data_dir, self.base_url, **self.extra_env)
        self.process = None
        self.log_file = self.data_dir / "gunicorn.log"

    def manage(self, *args):
        began = time.monotonic()
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if result.returncode:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout[-3000:]}{result.stderr[-3000:]}"
            )
        self.log(f"  manage.py {args[0]}: {time.monotonic() - began:.0f}s")

    def prepare(self):
        self.log(f"Preparing the demo in {self.data_dir} (production settings)")
        self.manage("migrate", "--no-input")
        self.manage("load_demo_content")
        self.manage("collectstatic", "--no-input")

    def start(self):
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "sites.demo.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file.open("ab"),
            stderr=subprocess.STDOUT,
        )
        self.wait_until_up()
        self.log(f"Demo served by gunicorn at {self.base_url}")

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn stopped with code {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                urllib.request.urlopen(f"{self.base_url}/robots.txt", timeout=5)  # noqa: S310
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer within {timeout}s:\n{self.log_tail()}")

    def log_tail(self, characters=4000):
        try:
            return self.log_file.read_text(errors="replace")[-characters:]
        except OSError:
            return ""

    def restart(self, **extra_env):
        """Serve the same data again with settings changed by ``extra_env``."""
        self.stop_process()
        self.env.update(extra_env)
        self.start()

    def stop_process(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def stop(self):
        self.stop_process()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self):
        try:
            self.prepare()
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()
