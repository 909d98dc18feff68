"""Languages an activity or event is given in, beyond the site's own three."""

from django.utils.translation import gettext_lazy as _

#: Languages an event or school activity can be given in: the centre's three and the neighbours'
#: (German, Belgium's sign languages). BCP 47 codes, as schema.org's inLanguage wants.
SPOKEN_LANGUAGES = [
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("de", _("German")),
    ("sfb", _("French Belgian Sign Language (LSFB)")),
    ("vgt", _("Flemish Sign Language (VGT)")),
]
