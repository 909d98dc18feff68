"""Alphabetical order as visitors read it, in French, Dutch and English."""

import unicodedata

# Letters that no Unicode decomposition splits, read as the two letters they join.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def without_accents(text):
    """``text`` in lower case, its letters stripped of accents: "Musée" gives "musee"."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def alphabetical(text):
    """A sort key that ignores case and accents.

    Python compares code points, which puts "Événements" after "Zoologie" and "énergie"
    after "Énergie". Readers of a list of categories, subjects or organisations expect
    "Énergie", "Espace", "Événements", and "Œuvres" among the O.
    """
    return without_accents(str(text).translate(_LIGATURES))
