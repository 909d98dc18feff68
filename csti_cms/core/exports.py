"""Exports of the admin that editors open in a spreadsheet program.

What visitors typed ends up in those cells: a cell starting with ``=``, ``+``, ``-`` or
``@`` is run as a formula by Excel, LibreOffice and Google Sheets, so an organisation named
``=HYPERLINK("http://…")`` becomes a link, or worse, in the team's spreadsheet. Such cells
are written with a leading apostrophe, which the programs show as text. Phone numbers typed
with their country code (``+32 470 12 34 56``) get it too: Excel would read
``+32470123456`` as a number, losing the ``+``, and ``+32-470-12-34-56`` as a subtraction.
The XLSX export writes every cell as text and needs no apostrophe.

Names and addresses are full of accents ("Établissement", "Liège"). A CSV file says nothing
of its encoding: Excel reads one without a byte-order mark in the Windows code page and shows
"Ã‰tablissement". The CSV export starts with the UTF-8 byte-order mark, which Excel,
LibreOffice and Google Sheets all read as "this is UTF-8", and says so in its content type.
"""

#: The UTF-8 byte-order mark, first in a CSV export.
BYTE_ORDER_MARK = "\ufeff"

#: Characters that make spreadsheet programs read a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """A CSV cell value that spreadsheet programs show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SpreadsheetSafeExportMixin:
    """Put first in the bases of an admin ``IndexView`` whose listing exports CSV.

    XLSX cells are written as strings by Wagtail, which spreadsheets do not evaluate; CSV
    has no types, so its cells are made inert here, and the file is marked as UTF-8.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return inert(value) if export_format == self.FORMAT_CSV else value

    def stream_csv(self, queryset):
        yield BYTE_ORDER_MARK
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
