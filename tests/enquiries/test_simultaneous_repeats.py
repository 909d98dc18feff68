"""The same booking sent at the same moment from several tabs is stored and announced once.

Each tab drew a one-time token of its own, so only the fingerprint of the answers tells the
copies for what they are: the copies of one request are looked for and stored one at a time,
while other requests are stored meanwhile.
"""

import contextlib
import threading
import uuid

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import RequestFactory
from django.utils import translation

from csti_cms.enquiries import repeats
from csti_cms.enquiries.services import submit
from csti_cms.schools.forms import BookingRequestForm
from csti_cms.schools.models import BookingRequest
from tests.conftest import demo_page
from tests.schools.helpers import booking_data

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="sessions at once: PostgreSQL"
)


@pytest.fixture
def activity(db):
    return demo_page("activity-colour-chemistry", "fr")


def tab(activity, **answers):
    """The booking form of ``activity`` as one browser tab sends it: with a token of its own,
    checked, and the web request it came in."""
    request = RequestFactory().post("/", HTTP_HOST=activity.get_site().hostname)
    data = booking_data(activity, submission=uuid.uuid4().hex, **answers)
    form = BookingRequestForm(data, activity=activity, request=request)
    assert form.is_valid(), form.errors
    return form, request


def sent_in_french(form, request):
    """What the visitor's request gets back: the request stored, or the one it repeats."""
    with translation.override("fr"):
        return submit(form, request).pk


def all_at_once(*actions):
    """The results of ``actions``, each run in a thread with its own database session, as
    web workers would, and committed there: the caller deletes what they store."""
    outcome = {}

    def in_own_session(number, action):
        try:
            outcome[number] = action()
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=in_own_session, args=(number, action))
        for number, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return [outcome.get(number) for number in range(len(actions))]


@pytest.fixture
def looked_for_together(monkeypatch):
    """``wait(parties)``: each search for an earlier copy waits, once done, up to two seconds
    for ``parties`` searches to be done, so that copies not kept apart all search before any
    is stored. ``together()`` says whether they all came."""
    look_for = repeats.earlier_copy
    meeting = {}

    def wait(parties):
        meeting["barrier"] = threading.Barrier(parties, timeout=2)

    def searched_then_waited(model, fingerprint_):
        found = look_for(model, fingerprint_)
        with contextlib.suppress(threading.BrokenBarrierError):
            meeting["barrier"].wait()
        return found

    monkeypatch.setattr(repeats, "earlier_copy", searched_then_waited)
    wait.together = lambda: not meeting["barrier"].broken
    return wait


@pytest.fixture
def committed_bookings():
    """The bookings the threads commit, deleted at the end of the test."""
    before = set(BookingRequest.objects.values_list("pk", flat=True))
    yield lambda: BookingRequest.objects.exclude(pk__in=before)
    all_at_once(lambda: BookingRequest.objects.exclude(pk__in=before).delete())


@ON_POSTGRESQL
def test_one_booking_sent_at_once_from_three_tabs_is_stored_once(
    activity, looked_for_together, committed_bookings
):
    copies = [tab(activity) for _ in range(3)]
    looked_for_together(3)
    answers = all_at_once(*(lambda copy=copy: sent_in_french(*copy) for copy in copies))
    (stored,) = committed_bookings()
    assert answers == [stored.pk] * 3, "each tab shows the request the team has"
    assert len(mail.outbox) == 1, "the team is told once"


@ON_POSTGRESQL
def test_two_bookings_sent_at_once_do_not_wait_for_each_other(
    activity, looked_for_together, committed_bookings
):
    first, second = tab(activity), tab(activity, school_name="Basisschool De Linde")
    looked_for_together(2)
    answers = all_at_once(lambda: sent_in_french(*first), lambda: sent_in_french(*second))
    assert looked_for_together.together(), "each searched while the other had not stored yet"
    assert sorted(answers) == sorted(committed_bookings().values_list("pk", flat=True))
    assert len(set(answers)) == 2


def test_two_bookings_sent_at_once_are_both_stored(activity, monkeypatch):
    """Another class's booking is stored while the first is being stored: both are kept.

    On one database session, so on SQLite too, whose writers take turns anyway.
    """
    first, second = tab(activity), tab(activity, school_name="Basisschool De Linde")
    look_for = repeats.earlier_copy
    arriving = [second]

    def another_arrives(model, fingerprint_):
        found = look_for(model, fingerprint_)
        if arriving:
            sent_in_french(*arriving.pop())
        return found

    monkeypatch.setattr(repeats, "earlier_copy", another_arrives)
    sent_in_french(*first)
    schools = BookingRequest.objects.values_list("school_name", flat=True)
    assert sorted(schools) == ["Basisschool De Linde", "École communale des Tilleuls"]
