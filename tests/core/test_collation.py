"""Lists of names read in alphabetical order, accents and capitals notwithstanding."""

from csti_cms.core.collation import alphabetical


def test_accents_and_capitals_do_not_send_a_name_to_the_end():
    names = ["Zoologie", "Œuvres", "Événements", "espace", "Énergie", "Ëffect", "école", "Orgue"]
    assert sorted(names, key=alphabetical) == [
        "école",
        "Ëffect",
        "Énergie",
        "espace",
        "Événements",
        "Œuvres",
        "Orgue",
        "Zoologie",
    ]


def test_lazy_translations_are_compared_in_the_active_language():
    from django.utils.translation import override

    from csti_cms.agenda.models import EventPage

    with override("fr"):
        assert alphabetical(EventPage._meta.verbose_name_plural) == "evenements"
