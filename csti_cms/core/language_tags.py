"""Language codes an editor gives for words written in another language than the page's
(a Dutch testimony on a French page, an English network's name), so that screen readers read
them with the right voice (WCAG 3.1.2)."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

#: A well-formed BCP 47 language tag as pages use them: a language ("de", "sfb"), then
#: optionally a script ("Latn"), a region ("BR", "419") and variants. Case does not matter.
LANGUAGE_TAG = re.compile(
    r"[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*",
    re.IGNORECASE,
)

#: The longest tag stored: a language, script, region and two variants.
LANGUAGE_TAG_MAX_LENGTH = 35


def validate_language_tag(value):
    """Refuse what a screen reader could not take for a language (``lang="Dutch"``)."""
    if value and not LANGUAGE_TAG.fullmatch(value):
        raise ValidationError(
            _("Enter a language code such as nl, en, de or pt-BR."), code="invalid_language"
        )


class LanguageTagInput(forms.TextInput):
    """A language code typed freely, the site's languages offered as the editor types.

    Any language can be written ("de", "pt-BR"); the site's own are suggested by a
    ``<datalist>`` whose id follows the input's, so each block of a stream field has its own.
    """

    def __init__(self, attrs=None):
        super().__init__({"autocapitalize": "off", "spellcheck": "false", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        suggestions = f"{attrs.get('id') or name}-languages"
        attrs["list"] = suggestions
        options = format_html_join("", '<option value="{}">{}</option>', settings.LANGUAGES)
        field = super().render(name, value, attrs, renderer)
        return field + format_html('<datalist id="{}">{}</datalist>', suggestions, options)
