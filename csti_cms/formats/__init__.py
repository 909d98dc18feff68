"""Date and time formats where Django's own do not suit a Belgian centre (``FORMAT_MODULE_PATH``).

English needs its own: Django's is American ("12/28/2026", "Dec. 6, 2026, 12:28 p.m."),
which a Belgian editor reads as the wrong day. French and Dutch keep Django's display
formats; all three read typed dates and times as :mod:`csti_cms.formats.day_first` says.
"""
