"""French as a visitor types it: "15/01/2027", "15.01.2027", "18h30", "18 h".

Only the input formats are ours; what the site prints keeps Django's French formats
("29 mars 2027", "28/12/2026") and, in sentences, :mod:`csti_cms.core.dates` ("9 h 30").
"""

from csti_cms.formats.day_first import CLOCK_INPUT_FORMATS
from csti_cms.formats.day_first import DATE_INPUT_FORMATS as DATE_INPUT_FORMATS

TIME_INPUT_FORMATS = [
    *CLOCK_INPUT_FORMATS,
    "%Hh%M",  # 18h30
    "%Hh",  # 18h
    "%H h %M",  # 18 h 30, as the site prints it (a space or a no-break space)
    "%H h",  # 18 h
]
