"""A file's size as visitors read it on their own computer: "146 Ko", "146 kB", "1,2 Mo".

Django's ``filesizeformat`` writes one decimal in every unit and, in French, the binary
units of the standard ("145,5 Kio"): exact, but a visitor deciding whether to download a
teacher pack on a phone reads "Ko" and "Mo", not "Kio", and needs no tenth of a kilobyte.
So kilobytes are whole, megabytes and gigabytes keep one decimal below ten ("1,2 Mo",
"12 Mo"), in the units each language's users know (Ko, Mo, Go in French; kB, MB, GB in
Dutch and English) and the decimal separator of the active language. A kilobyte is 1,024
bytes, as the file managers most visitors use count it.

One function for every place a size is shown (the downloads block, a school activity's
resources, document links in text, the declarations plugin), through the ``file_size``
filter of ``csti_files`` in templates.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.html import avoid_wrapping
from django.utils.translation import npgettext, pgettext

KILOBYTE = 1024
#: (bytes in the unit, how the unit is written with its number), smallest first.
UNITS = (
    (KILOBYTE, lambda number: pgettext("file size", "%(size)s kB") % {"size": number}),
    (KILOBYTE**2, lambda number: pgettext("file size", "%(size)s MB") % {"size": number}),
    (KILOBYTE**3, lambda number: pgettext("file size", "%(size)s GB") % {"size": number}),
)


def _rounded(value, decimals):
    """``value`` rounded half up (145.5 kB is 146 kB, as people round), as a Decimal."""
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def readable_file_size(size):
    """``size`` bytes in the active language, number and unit kept on one line.

    Returns an empty string for a size that is not a whole number of bytes (a document
    whose size Wagtail never recorded), so a template shows nothing rather than "0".
    """
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    if size < 0:
        return ""
    if size < KILOBYTE:
        text = npgettext("file size", "%(size)s byte", "%(size)s bytes", size) % {"size": size}
        return avoid_wrapping(text)
    for position, (unit, write) in enumerate(UNITS):
        value = Decimal(size) / unit
        # Whole kilobytes; a tenth of a megabyte or gigabyte only below ten.
        decimals = 1 if position and value < 10 else 0
        number = _rounded(value, decimals)
        larger = UNITS[position + 1][0] if position + 1 < len(UNITS) else None
        if larger and number * unit >= larger:
            continue  # 1,023.6 kB is read as 1 MB, not "1024 kB"
        if number == number.to_integral_value():
            number, decimals = number.to_integral_value(), 0  # "2 Mo", not "2,0 Mo"
        return avoid_wrapping(write(number_format(number, decimals)))
    raise AssertionError("unreachable: the largest unit takes every size")
