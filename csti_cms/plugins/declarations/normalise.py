"""How two spellings of one organisation's name are recognised as the same."""

import hashlib

from csti_cms.plugins import without_accents

#: The length of the column keys are stored in (``Endorsement.organisation_key``).
KEY_MAX_LENGTH = 200
#: Starts the key of a name too long to be stored as it is. In capitals, which folding never
#: leaves in a name: a digest key cannot be mistaken for the key of a name, whatever it is.
DIGEST_PREFIX = "SHA256:"


def organisation_key(name):
    """``name`` without case, accents or extra spaces, short enough for its column.

    “Musée  des Sciences” and “musee des sciences” give the same key. Keys are stored
    with each endorsement: changing what they keep needs a migration of those rows.

    Folding can make a name longer than it is (“ß” becomes “ss”, and “ﷺ”, one character,
    decomposes into eighteen), so a name the form accepts can give a key too long for the
    column. Such a key is stored as a digest of itself: it always fits, and two names
    still share a key exactly when their folded forms are the same. Cutting the key at the
    column's length instead would make two long names that start alike duplicates of each
    other; refusing the name would turn away what the form says it accepts.
    """
    folded = " ".join(without_accents(name).split())
    if len(folded) <= KEY_MAX_LENGTH:
        return folded
    return DIGEST_PREFIX + hashlib.sha256(folded.encode()).hexdigest()
