"""The Belgian and French school systems, ready to install as school levels.

Belgium's French-, Dutch- and German-speaking communities share one structure
(nursery, six primary years, three two-year stages of secondary), named in each
language as its teachers name it. France's levels are the ones its teachers book by
(CP to CM2, collège, lycée). Each system ends with its special needs education, whose
classes book with the others. ``manage.py load_school_levels`` installs them in
every language of the site; editors then rename, add or remove levels freely.

The translation keys are the ones the demo content uses for the same levels
(``snippet:level-be-p3``...), so loading the demo and the systems never duplicates.
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale

from csti_cms.core.demo_content import stable_uuid
from csti_cms.core.demo_translation import translate_page

from .models import LevelSystem, SchoolLevel


@dataclass(frozen=True)
class Level:
    code: str
    names: dict
    age_min: int
    age_max: int


def _french_ordinal(number):
    """``1re``, ``2e``, ``3e``...: how French abbreviates a school year."""
    return f"{number}re" if number == 1 else f"{number}e"


def _primary_be(year):
    return Level(
        f"p{year}",
        {
            "fr": f"{_french_ordinal(year)} primaire",
            "nl": f"{year}e leerjaar (lager onderwijs)",
            "de": f"{year}. Primarschuljahr",
            "en": f"Primary year {year}",
        },
        5 + year,
        6 + year,
    )


def _secondary_be(stage, first_year):
    fr_stage = {1: "1er degré", 2: "2e degré", 3: "3e degré"}[stage]
    return Level(
        f"s{stage}",
        {
            "fr": f"Secondaire {fr_stage} "
            f"({_french_ordinal(first_year)}-{_french_ordinal(first_year + 1)})",
            "nl": f"Secundair {stage}e graad ({first_year}e-{first_year + 1}e jaar)",
            "de": f"Sekundarschule {stage}. Stufe ({first_year}.-{first_year + 1}. Jahr)",
            "en": f"Secondary stage {stage} (years {first_year}-{first_year + 1})",
        },
        11 + first_year,
        13 + first_year,
    )


SYSTEMS = {
    LevelSystem.BELGIUM: [
        Level(
            "maternelle",
            {"fr": "Maternelle", "nl": "Kleuteronderwijs", "de": "Kindergarten", "en": "Nursery"},
            3,
            5,
        ),
        *(_primary_be(year) for year in range(1, 7)),
        _secondary_be(1, 1),
        _secondary_be(2, 3),
        _secondary_be(3, 5),
        # Special needs schools, from nursery to the end of secondary, which may last
        # until 21.
        Level(
            "specialise",
            {
                "fr": "Enseignement spécialisé",
                "nl": "Buitengewoon onderwijs",
                "de": "Förderschule",
                "en": "Special needs education",
            },
            3,
            21,
        ),
    ],
    LevelSystem.FRANCE: [
        Level(
            "maternelle",
            {
                "fr": "Maternelle (PS, MS, GS)",
                "nl": "École maternelle (kleuters, Frankrijk)",
                "en": "École maternelle (nursery, France)",
            },
            3,
            5,
        ),
        Level("cp", {"fr": "CP", "nl": "CP (1e leerjaar)", "en": "CP (year 1)"}, 6, 7),
        Level("ce1", {"fr": "CE1", "nl": "CE1 (2e leerjaar)", "en": "CE1 (year 2)"}, 7, 8),
        Level("ce2", {"fr": "CE2", "nl": "CE2 (3e leerjaar)", "en": "CE2 (year 3)"}, 8, 9),
        Level("cm1", {"fr": "CM1", "nl": "CM1 (4e leerjaar)", "en": "CM1 (year 4)"}, 9, 10),
        Level("cm2", {"fr": "CM2", "nl": "CM2 (5e leerjaar)", "en": "CM2 (year 5)"}, 10, 11),
        Level(
            "college",
            {
                "fr": "Collège (6e-3e)",
                "nl": "Collège (lager secundair, Frankrijk)",
                "en": "Collège (lower secondary, France)",
            },
            11,
            15,
        ),
        Level(
            "lycee",
            {
                "fr": "Lycée (2de-terminale)",
                "nl": "Lycée (hoger secundair, Frankrijk)",
                "en": "Lycée (upper secondary, France)",
            },
            15,
            18,
        ),
        # Instituts médico-éducatifs (until 20) and the special needs units of ordinary
        # schools (ULIS), from primary to lycée.
        Level(
            "specialise",
            {
                "fr": "Enseignement spécialisé (IME, ULIS)",
                "nl": "Speciaal onderwijs (IME, ULIS, Frankrijk)",
                "en": "Special needs education (IME, ULIS, France)",
            },
            3,
            20,
        ),
    ],
}


def level_key(system, code):
    """The demo content key of a built-in level: ``level-be-p3``, ``level-fr-cm1``."""
    return f"level-{system}-{code}"


@transaction.atomic
def install_levels(system, source_language=None):
    """Create the levels of ``system`` that are missing, in every locale of the site.

    The source is the default locale (or ``source_language``); other locales get
    translations stored like a translator's (English names where a locale has none).
    Returns the number of level objects created.
    """
    locales = list(Locale.objects.all())
    if not locales:
        return 0
    source_locale = (
        Locale.objects.get(language_code=source_language)
        if source_language
        else Locale.get_default()
    )
    created = 0
    for position, level in enumerate(SYSTEMS[LevelSystem(system)]):
        key = stable_uuid("snippet", level_key(system, level.code))
        source = SchoolLevel.objects.filter(translation_key=key, locale=source_locale).first()
        if source is None:
            fields = _fields(system, level, position, source_locale)
            source = SchoolLevel.objects.create(translation_key=key, locale=source_locale, **fields)
            created += 1
        for locale in locales:
            if (
                locale == source_locale
                or SchoolLevel.objects.filter(translation_key=key, locale=locale).exists()
            ):
                continue
            target = SchoolLevel(locale=locale, **_fields(system, level, position, locale))
            translate_page(source, target, locale)
            created += 1
    return created


def _fields(system, level, position, locale):
    return {
        "name": level.names.get(locale.language_code, level.names["en"]),
        "system": system,
        "age_min": level.age_min,
        "age_max": level.age_max,
        "sort_order": position,
    }
