"""The title prefixes a visitor's words stand for: plurals read as their singular.

Site search indexes French, Dutch and English pages together, without stemming (no one
language's rules fit all three), and falls back on title words that start with the
visitor's. A singular is a prefix of its plural ("musée" of "musées"), not the other way
round: "musees" would miss "Musée des glaciers". Most plurals of the three languages end
in s or x ("musées", "jeux", "museums"), so a word ending in one is matched as the prefix
without it, which still finds the plural. Plurals that change more than their last letter
("animaux", "musea") are left to the words as typed; this is no stemmer.

The database backends match the last word typed as a prefix and the others whole, so only
the last word is read as its singular: the others, cut, would miss their own plural.
"""

#: Last letters of a plural in French, Dutch and English.
PLURAL_ENDINGS = ("s", "x")
#: Letters a word keeps once its plural ending is dropped: shorter words ("des", "les",
#: "bus") are more likely not plurals, and a prefix of two letters matches almost anything.
MIN_SINGULAR_LENGTH = 3


def singular_prefix(word):
    """``word`` without the s or x of a plural, or as it is when it does not end in one.

    A double s ("class", "express") ends a singular.
    """
    folded = word.casefold()
    if (
        len(word) > MIN_SINGULAR_LENGTH
        and folded.endswith(PLURAL_ENDINGS)
        and not folded.endswith("ss")
    ):
        return word[:-1]
    return word


def title_prefixes(query):
    """``query`` as the prefix search of titles takes it: its last word as its singular."""
    *words, last = query.split() or [""]
    return " ".join([*words, singular_prefix(last)])
