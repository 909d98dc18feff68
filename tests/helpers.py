"""Helpers the whole suite shares: running commands as an operator would, signing in a team."""

import contextlib
import copy
import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

#: The checkout: where manage.py is.
ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, cwd=ROOT, **env):
    """``manage.py *args`` in a process of its own, with the settings ``env`` gives.

    Settings are read once per process: a variable that changes them needs a new process,
    started without the test run's ``DJANGO_SETTINGS_MODULE``. ``cwd`` is the checkout
    whose ``manage.py`` runs (this one unless told).
    """
    environment = {**os.environ}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def sign_in_team_member(client, codenames, app_labels):
    """Sign ``client`` in as a centre's team member: the admin and ``codenames`` of
    ``app_labels``, no superuser powers."""
    user = get_user_model().objects.create_user("equipe", "equipe@example.org", "pw")
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=[*codenames, "access_admin"],
            content_type__app_label__in=[*app_labels, "wagtailadmin"],
        )
    )
    client.force_login(user)
    return client


class FakeServer:
    """A TCP server on a free port of 127.0.0.1, standing for a service the site talks to.

    Each accepted connection is kept, and handed to ``_serve``; by default it is held open
    and never answered, as by a server that hangs. ``port`` is where to point the site.
    """

    def __init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._sockets = []
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def port(self):
        return self._listener.getsockname()[1]

    def _accept(self):
        while not self._closing.is_set():
            try:
                incoming, _ = self._listener.accept()
            except TimeoutError:
                continue
            incoming.settimeout(None)
            self._sockets.append(incoming)
            self._serve(incoming)

    def _serve(self, connection):
        """Held open, never answered."""

    def close(self):
        self._closing.set()
        self._thread.join()
        self._listener.close()
        for connection in self._sockets:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()


#: Elements a browser shows on lines of their own even without the site's style sheet.
_OWN_LINE = {
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li",
    "main", "nav", "ol", "p", "section", "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip


def text_without_style_sheet(element):
    """The lines of an lxml element as reader mode or a text browser shows them.

    Without the style sheet only the HTML parts words: a line break or an element the browser
    puts on its own line. Spans set on lines of their own by CSS, or a visually hidden
    element, run into their neighbours; lxml's text_content() would hide line breaks too.
    """
    element = copy.deepcopy(element)
    for part in element.iter():
        # The template's own line breaks are spaces to a browser.
        part.text = re.sub(r"\s+", " ", part.text or "")
        part.tail = re.sub(r"\s+", " ", part.tail or "")
        if part.tag == "br" or part.tag in _OWN_LINE:
            part.tail = "\n" + (part.tail or "")
        if part.tag in _OWN_LINE:
            part.text = "\n" + (part.text or "")
    lines = (" ".join(line.split()) for line in element.text_content().splitlines())
    return [line for line in lines if line]
