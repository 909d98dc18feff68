"""Dutch as a visitor types it: "15-01-2027", "15/01/2027", "18.30", "18.30 uur", and
"18u30", as Flemish writes it.

Only the input formats are ours; what the site prints keeps Django's Dutch formats
("29 maart 2027", "28-12-2026") and, in sentences, :mod:`csti_cms.core.dates` ("9.30 uur").
"""

from csti_cms.formats.day_first import CLOCK_INPUT_FORMATS
from csti_cms.formats.day_first import DATE_INPUT_FORMATS as DATE_INPUT_FORMATS

TIME_INPUT_FORMATS = [
    *CLOCK_INPUT_FORMATS,
    "%H.%M uur",  # 18.30 uur, as the site prints it
    "%H:%M uur",  # 18:30 uur
    "%H uur",  # 18 uur
    "%Hu%M",  # 18u30, in Flanders
    "%H.%Mu",  # 18.30u
    "%Hu",  # 20u
    "%Hh%M",  # 18h30, as bilingual Brussels and French-speaking visitors type it
    "%Hh",  # 18h
]
