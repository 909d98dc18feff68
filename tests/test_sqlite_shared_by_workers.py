"""The embedded SQLite database takes two writers at once: the second waits its turn.

A gunicorn worker storing a visitor's booking while another publishes a page both write
to one file. With SQLite's default transactions, one that read first and then met the
other writer failed at once with "database is locked", a server error for the visitor.
Two connections made from the settings' own database description, each reading then
writing in a transaction, both commit.
"""

import threading

from django.db.backends.sqlite3.base import DatabaseWrapper
from django.db.utils import OperationalError

from csti_cms.settings.env import env_database


def connection_to(path):
    settings = env_database("UNSET_DATABASE_URL", f"sqlite:///{path}")
    settings.update(
        ATOMIC_REQUESTS=False, AUTOCOMMIT=True, CONN_MAX_AGE=0, CONN_HEALTH_CHECKS=False,
        TIME_ZONE=None, TEST={},
    )  # fmt: skip
    return DatabaseWrapper(settings)


def count_a_visit(path, read, other_read, errors):
    """Read the count, give the other connection its chance to read too, then write."""
    connection = connection_to(path)
    try:
        # What ``transaction.atomic()`` does on SQLite: BEGIN, in the configured mode.
        connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT visits FROM counter")
            read.set()
            other_read.wait(1)
            cursor.execute("UPDATE counter SET visits = visits + 1")
        connection.commit()
    except OperationalError as error:
        errors.append(str(error))
    finally:
        connection.close()


def test_two_writers_reading_first_both_commit(tmp_path, django_db_blocker):
    path = tmp_path / "centre.sqlite3"
    django_db_blocker.unblock()
    setup = connection_to(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (visits INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    setup.close()
    first_read, second_read, errors = threading.Event(), threading.Event(), []
    first = threading.Thread(target=count_a_visit, args=(path, first_read, second_read, errors))
    second = threading.Thread(target=count_a_visit, args=(path, second_read, first_read, errors))
    first.start()
    first_read.wait(5)
    second.start()
    for worker in (first, second):
        worker.join(30)
    assert errors == []
    check = connection_to(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT visits FROM counter")
        assert cursor.fetchone() == (2,)
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)
    check.close()
