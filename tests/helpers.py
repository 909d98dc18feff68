"""Helpers the whole suite shares: running the project's commands as an operator would."""

import os
import subprocess
import sys
from pathlib import Path

#: The checkout: where manage.py is.
ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    """``manage.py *args`` in a process of its own, with the settings ``env`` gives.

    Settings are read once per process: a variable that changes them needs a new process,
    started without the test run's ``DJANGO_SETTINGS_MODULE``.
    """
    environment = {**os.environ}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
