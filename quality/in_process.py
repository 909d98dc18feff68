"""The demo answered in-process, as in production, for the benchmarks that time Django itself.

``bench/render.py`` and ``bench/agenda.py`` request pages with Django's test client, so
no web server or network stands between the timer and the view. They set the demo up
the same way (the production settings of :mod:`quality.server`, in a throw-away data
folder: its own SQLite file, unless ``DATABASE_URL`` names a database) and measure a
page the same way, so that their figures compare.
"""

import atexit
import os
import shutil
import tempfile
import time

#: Where the demo answers: its content is loaded for this host, so its links point here.
HOST = "127.0.0.1:8000"


def setup_demo(prefix):
    """Set Django up on a fresh demo with the production settings and no page cache.

    Rendering is what the benchmarks measure, and the page cache would answer every
    timed request. The data folder is removed when the benchmark ends.
    """
    from quality.server import server_environment

    data_dir = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, data_dir, ignore_errors=True)
    os.environ.update(server_environment(data_dir, f"http://{HOST}", CSTI_PAGE_CACHE_SECONDS="0"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)


def measure(client, path, repeat):
    """``(timings in ms, queries, bytes)`` of ``repeat`` requests, caches warm.

    The queries are counted on a request of their own: logging them costs time that a
    visitor's request does not pay, so the timed requests run without the log.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    queries = len(captured)  # now: the log it reads is emptied by the next request
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - began) * 1000)
    return timings, queries, len(response.content)
