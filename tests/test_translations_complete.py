"""Every interface string reads in French and Dutch, and our words never replace Wagtail's.

A string left untranslated shows in English on a French page; a fuzzy one is not
compiled at all. The .mo files are committed (a site needs no gettext to run), so a
.po translated without ``compilemessages`` changes nothing a visitor sees.

Our catalogue comes first in INSTALLED_APPS: for a msgid without context it overrides
Wagtail's and Django's translation of the same English words, in the admin too (the
word count "Words" would read "Mots-clés"). A short common word of ours takes a
context (``pgettext``), so that it has a catalogue entry of its own.
"""

import gettext
import subprocess
import tempfile
from pathlib import Path

import django
import polib
import pytest
import wagtail
from django.utils import translation
from django.utils.translation.template import templatize

from csti_cms.enquiries.models import EnquiryStatus

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "csti_cms"
#: Every language the interface is translated into (a catalogue added for German is checked
#: as soon as it is there); English is the language it is written in.
LANGUAGES = tuple(
    sorted(folder.name for folder in (PACKAGE / "locale").iterdir() if folder.name != "en")
)
CATALOGUES = sorted(
    path
    for language in LANGUAGES
    for path in [
        PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po",
        *PACKAGE.glob(f"plugins/*/locale/{language}/LC_MESSAGES/django.po"),
    ]
)
#: Plugins with catalogues of their own, left out of the main one (see `make messages`).
OWN_CATALOGUES = ("plugins/memberships", "plugins/declarations", "plugins/scaffold")
#: The context-free gettext calls (``pgettext`` and its kin are left out on purpose).
CONTEXT_FREE_KEYWORDS = (
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext:1,2",
    "ngettext_lazy:1,2",
)

#: Context-free msgids of ours that still override Wagtail's or Django's wording, and why
#: they are left for now. The list must only shrink: remove an entry once it is fixed.
KNOWN_CLASHES = {
    # Model fields and StreamField block labels: a context changes their migrations.
    "site": "verbose_name of the site field (enquiries, plugins, visit, memberships)",
    "subject": "schools: Subject's Meta.verbose_name",
    "description": "verbose_name of the description field (schools, venues)",
    "Caption": "blocks/media.py: the image block's caption label",
    # Uses in files being changed by other work at the time of writing.
    "Summary": "schools and venues: the introduction panel's heading",
    "Page not found": "core/errors.py: the error page's title",
}


def catalogue_id(path):
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("po_path", CATALOGUES, ids=catalogue_id)
def test_every_string_is_translated_and_none_is_fuzzy(po_path):
    catalogue = polib.pofile(str(po_path))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert untranslated == [], f"untranslated in {catalogue_id(po_path)}: {untranslated}"
    assert fuzzy == [], f"fuzzy in {catalogue_id(po_path)}: {fuzzy}"


@pytest.mark.parametrize("po_path", CATALOGUES, ids=catalogue_id)
def test_the_committed_mo_file_is_compiled_from_the_po_file(po_path):
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "django.mo"
        subprocess.run(["msgfmt", "-o", str(fresh), str(po_path)], check=True)
        expected = _messages(fresh)
    committed = _messages(po_path.with_suffix(".mo"))

    stale = sorted(
        str(msgid)
        for msgid in expected.keys() | committed.keys()
        if expected.get(msgid) != committed.get(msgid)
    )
    assert stale == [], (
        f"{catalogue_id(po_path.with_suffix('.mo'))} is older than its .po "
        f"(run compilemessages): {stale}"
    )


def _messages(mo_path):
    with mo_path.open("rb") as mo_file:
        return dict(gettext.GNUTranslations(mo_file)._catalog)


@pytest.mark.parametrize("language", LANGUAGES)
def test_our_context_free_words_do_not_replace_wagtails_and_djangos(language):
    clashes = _clashes(language)

    unexpected = {msgid: words for msgid, words in clashes.items() if msgid not in KNOWN_CLASHES}

    assert unexpected == {}, (
        f"give these strings a context (pgettext, {{% translate ... context ... %}}): {unexpected}"
    )


def test_the_known_clashes_are_still_clashes():
    """A fixed clash leaves the list, so that the list only shrinks."""
    clashing = {msgid for language in LANGUAGES for msgid in _clashes(language)}

    assert sorted(set(KNOWN_CLASHES) - clashing) == []


def _clashes(language):
    """``{msgid: (ours, theirs)}``: context-free msgids our code uses whose translation in
    our catalogue differs from Wagtail's or Django's."""
    ours = {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"))
        if not entry.msgctxt and entry.msgstr and not entry.obsolete
    }
    theirs = _upstream_translations(language)
    return {
        msgid: (ours[msgid], sorted(theirs[msgid] - {ours[msgid]}))
        for msgid in _context_free_msgids()
        if msgid in ours and theirs.get(msgid, {ours[msgid]}) - {ours[msgid]}
    }


def _upstream_translations(language):
    """``{msgid: {translations}}`` of Wagtail's and Django's catalogues, without context."""
    catalogues = [
        *Path(wagtail.__file__).parent.glob(f"**/locale/{language}/LC_MESSAGES/django.po"),
        *Path(django.__file__).parent.glob(f"conf/locale/{language}/LC_MESSAGES/django.po"),
        *Path(django.__file__).parent.glob(f"contrib/*/locale/{language}/LC_MESSAGES/django.po"),
    ]
    translations = {}
    for path in catalogues:
        for entry in polib.pofile(str(path)):
            if not entry.msgctxt and entry.msgstr and "fuzzy" not in entry.flags:
                translations.setdefault(entry.msgid, set()).add(entry.msgstr)
    return translations


def _context_free_msgids():
    """The msgids our code passes to a gettext call without context, found the way
    ``makemessages`` finds them (templates through Django's templatize, then xgettext)."""
    sources = [
        path
        for path in PACKAGE.rglob("*")
        if path.suffix in {".py", ".html", ".txt"}
        and "migrations" not in path.parts
        and not any(part in path.as_posix() for part in OWN_CATALOGUES)
    ]
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for number, path in enumerate(sources):
            if path.suffix == ".py":
                files.append(str(path))
                continue
            templatized = Path(folder) / f"template_{number}.py"
            templatized.write_text(templatize(path.read_text(), origin=str(path)))
            files.append(str(templatized))
        keywords = [f"--keyword={keyword}" for keyword in CONTEXT_FREE_KEYWORDS]
        extracted = subprocess.run(
            ["xgettext", "--language=Python", "--from-code=UTF-8", "--keyword", *keywords]
            + ["--output=-", *files],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return {entry.msgid for entry in polib.pofile(extracted) if not entry.msgctxt}


def test_a_new_request_and_wagtail_s_new_objects_read_each_their_own_way():
    """ "Nouvelle" is a request's status; Wagtail's "New: Venue" follows its own catalogue."""
    with translation.override("fr"):
        assert str(EnquiryStatus.NEW.label) == "Nouvelle"
        assert translation.gettext("New") != "Nouvelle"
