"""Colour contrast as defined by WCAG 2.2, used to check a centre's brand colours.

Brand colours are used behind white text (header, buttons) and as link colour on
white, so each must reach the AA ratio for normal text against white.
"""

import re

HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
WHITE = "#ffffff"
AA_NORMAL_TEXT = 4.5


def parse_hex(colour):
    """Return the (r, g, b) bytes of a ``#rgb`` or ``#rrggbb`` colour."""
    if not HEX_COLOUR.match(colour or ""):
        raise ValueError(f"{colour!r} is not a hex colour such as #1d4f91")
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def relative_luminance(colour):
    def channel(byte):
        c = byte / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(byte) for byte in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground, background):
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
