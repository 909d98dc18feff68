"""How two spellings of one organisation's name are recognised as the same."""

import unicodedata


def organisation_key(name):
    """``name`` without case, accents or extra spaces.

    “Musée  des Sciences” and “musee des sciences” give the same key.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    unaccented = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unaccented.casefold().split())
