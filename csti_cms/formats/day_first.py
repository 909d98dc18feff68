"""The dates and times every language reads when a visitor types them.

A browser without date and time pickers (a text browser, an older Safari, some assistive
set-ups) or a visitor pasting sends what people write, not ISO 8601. Every language reads
ISO first (what ``<input type="date">`` and ``type="time"`` send), then the day before the
month with a slash, a dot or a dash, as Belgians write it in all three languages: "15/01/2027",
"15.01.2027", "15-01-27" are 15 January 2027. No format reads the month first, so no typed
date is ever read the wrong way round. The language modules add the ways their own
language writes a time of day.
"""

DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2027-01-15, what the date picker sends
    "%Y/%m/%d",  # 2027/01/15, year first: never misread, and Django's Dutch read it
    "%d/%m/%Y",  # 15/01/2027
    "%d/%m/%y",  # 15/01/27
    "%d.%m.%Y",  # 15.01.2027
    "%d.%m.%y",  # 15.01.27
    "%d-%m-%Y",  # 15-01-2027
    "%d-%m-%y",  # 15-01-27
]

#: The 24-hour clock with a colon (what the time picker sends) or a dot, in every language.
CLOCK_INPUT_FORMATS = [
    "%H:%M:%S",  # 18:30:00, what some time pickers send
    "%H:%M:%S.%f",
    "%H:%M",  # 18:30
    "%H.%M",  # 18.30
]
