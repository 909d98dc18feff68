"""How two spellings of one organisation's name are recognised as the same."""

from csti_cms.core.collation import without_accents


def organisation_key(name):
    """``name`` without case, accents or extra spaces.

    “Musée  des Sciences” and “musee des sciences” give the same key. Keys are stored
    with each endorsement: changing what they keep needs a migration of those rows.
    """
    return " ".join(without_accents(name).split())
