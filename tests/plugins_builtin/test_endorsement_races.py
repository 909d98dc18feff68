"""Endorsements when two people act at once: two moderators, two submissions."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csti_cms.plugins.declarations import views
from csti_cms.plugins.declarations.models import Endorsement, EndorsementStatus
from csti_cms.plugins.declarations.wagtail_hooks import ModerationEditView
from tests.conftest import demo_page

from .helpers import MECHELEN, endorse, make_endorsement, moderate

pytestmark = pytest.mark.django_db


@contextmanager
def approved_by_a_colleague_just_before(rival):
    """Once the moderator's form is checked and before it is saved, a colleague's
    approval of ``rival`` lands: as when both press "Save" at the same moment."""
    check = ModerationEditView.is_valid

    def checked_then_beaten(view, form):
        valid = check(view, form)
        Endorsement.objects.filter(pk=rival.pk).update(status=EndorsementStatus.APPROVED)
        return valid

    with mock.patch.object(ModerationEditView, "is_valid", checked_then_beaten):
        yield


def test_the_second_of_two_approvals_at_once_gets_the_form_error(english_admin_client):
    page = demo_page(MECHELEN, "en")
    first = make_endorsement(page, "Musée des Sciences", status="pending")
    second = make_endorsement(page, "MUSEE des sciences", status="pending")
    with approved_by_a_colleague_just_before(first):
        response = moderate(english_admin_client, second)

    assert response.status_code == 200, "a form error, not a server error"
    html = response.content.decode()
    assert "already has an approved endorsement of this declaration" in html
    second.refresh_from_db()
    assert second.status == EndorsementStatus.PENDING
    assert second.moderated_at is None
    first.refresh_from_db()
    assert first.status == EndorsementStatus.APPROVED, "the colleague's approval stands"


def test_the_address_check_runs_with_the_declaration_locked(client):
    """Two submissions at once both read "no e-mail sent yet" and both sent one: the
    check now runs in the transaction that stores the endorsement, after the lock on the
    declaration, so the second waits for the first and finds it."""
    page = demo_page(MECHELEN, "en")
    calls = []
    real_lock, real_check = (
        views.lock_declaration_for_endorsements,
        views.confirmation_withheld_until,
    )

    def lock(declaration):
        calls.append(("lock", connection.in_atomic_block))
        return real_lock(declaration)

    def check(*args, **kwargs):
        calls.append(("check", connection.in_atomic_block))
        return real_check(*args, **kwargs)

    with (
        mock.patch.object(views, "lock_declaration_for_endorsements", side_effect=lock),
        mock.patch.object(views, "confirmation_withheld_until", side_effect=check),
        CaptureQueriesContext(connection) as queries,
    ):
        assert endorse(client, page).status_code == 302
    assert calls == [("lock", True), ("check", True)]
    if connection.features.has_select_for_update:
        sql = [query["sql"] for query in queries.captured_queries]
        locking = next(n for n, text in enumerate(sql) if "FOR UPDATE" in text)
        assert 'FOR UPDATE OF "declarations_declarationpage"' in sql[locking]
        reading = next(
            n for n, text in enumerate(sql) if "submitted_at" in text and "UPPER" in text
        )
        assert locking < reading
