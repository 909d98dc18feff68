"""Exports of the admin that editors open in a spreadsheet program.

What visitors typed ends up in those cells: a cell starting with ``=``, ``+``, ``-`` or
``@`` is run as a formula by Excel, LibreOffice and Google Sheets, so an organisation named
``=HYPERLINK("http://…")`` becomes a link, or worse, in the team's spreadsheet. Such cells
are written with a leading apostrophe, which the programs show as text.
"""

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
    has no types, so its cells are made inert here.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return inert(value) if export_format == self.FORMAT_CSV else value
