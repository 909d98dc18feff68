"""Alphabetical order as visitors read it, in French, Dutch and English."""

import unicodedata


def alphabetical(text):
    """A sort key that ignores case and accents.

    Python compares code points, which puts "Événements" after "Zoologie" and "énergie"
    after "Énergie". Readers of a list of categories, subjects or organisations expect
    "Énergie", "Espace", "Événements".
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
