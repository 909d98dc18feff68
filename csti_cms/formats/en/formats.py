"""English as a Belgian centre writes it: the day before the month and the 24-hour clock.

The English admin (the requests' dates, the seasonal periods) then reads like the French and
Dutch ones and like the public site, whose times are printed by :mod:`csti_cms.core.dates`.
Dates typed in are read the same way round, after ISO 8601, which date pickers and
``<input type="date">`` send: "05/04/2027" is 5 April, as it is shown (see
:mod:`csti_cms.formats.day_first`). Times are read on the 24-hour clock, and "6:30 PM" or
"6 pm" too: with AM or PM written out, a 12-hour time cannot be misread.
"""

from csti_cms.formats.day_first import CLOCK_INPUT_FORMATS
from csti_cms.formats.day_first import DATE_INPUT_FORMATS as DATE_INPUT_FORMATS

DATE_FORMAT = "j F Y"  # 29 March 2027
TIME_FORMAT = "H:i"  # 12:28
DATETIME_FORMAT = "j F Y, H:i"  # 6 December 2026, 12:28
YEAR_MONTH_FORMAT = "F Y"  # March 2027
MONTH_DAY_FORMAT = "j F"  # 29 March
SHORT_DATE_FORMAT = "d/m/Y"  # 28/12/2026
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 28/12/2026 12:28
FIRST_DAY_OF_WEEK = 1  # Monday
TIME_INPUT_FORMATS = [
    *CLOCK_INPUT_FORMATS,
    "%I:%M %p",  # 6:30 PM
    "%I:%M%p",  # 6:30PM
    "%I %p",  # 6 PM
    "%I%p",  # 6pm
]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%y %H:%M",
]
