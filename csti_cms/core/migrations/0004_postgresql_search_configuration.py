"""The PostgreSQL text search configuration site search reads pages with: ``csti_search``.

One index holds the French, Dutch and English pages, so no language's stemming and stop
words fit them all: ``csti_search`` is a copy of ``simple`` (words as written, lowercased).
Visitors type "musee" for "musée", so it also drops accents when PostgreSQL's ``unaccent``
extension can be created; a managed database may refuse it, and search then keeps
accents rather than the migration failing. ``SEARCH_CONFIG`` in the settings names it.
SQLite has no such configurations: there, the migration does nothing.
"""

from django.db import DatabaseError, migrations, transaction

CONFIGURATION = "csti_search"
#: The token types of ``simple`` that hold words (letters, with or without digits or hyphens).
WORD_TOKENS = (
    "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, "
    "hword_numpart"
)


def unaccent_available(schema_editor):
    """Whether the ``unaccent`` dictionary exists, creating the extension if allowed.

    The attempt runs in a savepoint: a refusal (no superuser rights, no contrib package)
    would otherwise abort the migration's transaction.
    """
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    except DatabaseError:
        return False
    return True


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}")
    schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = simple)")
    if unaccent_available(schema_editor):
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION} "
            f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, simple"
        )


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}")


class Migration(migrations.Migration):
    dependencies = [("csti_core", "0003_contact_legal_pages")]

    operations = [migrations.RunPython(create_configuration, drop_configuration)]
