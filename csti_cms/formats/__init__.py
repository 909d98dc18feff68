"""Date and time formats where Django's own do not suit a Belgian centre (``FORMAT_MODULE_PATH``).

Only English needs one: Django's is American ("12/28/2026", "Dec. 6, 2026, 12:28 p.m."),
which a Belgian editor reads as the wrong day. French and Dutch keep Django's formats.
"""
