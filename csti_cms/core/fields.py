"""A list of choices stored as JSON: portable to SQLite and PostgreSQL, ticked in the admin."""

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A JSON list of values from ``choices``, edited as checkboxes.

    wagtail-localize synchronises JSON fields across translations, which is what a
    list of codes wants (a CharField would be offered for translation).
    """

    def __init__(self, *args, options=(), **kwargs):
        self.options = list(options)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # The options are presentation: changing them needs no migration.
        return name, "django.db.models.JSONField", args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.options,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, value):
        """The labels of the codes in ``value``, in its order; an unknown code as stored."""
        names = dict(self.options)
        return [str(names.get(code, code)) for code in value or []]

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {code for code, _label in self.options}
        unknown = [code for code in value or [] if code not in allowed]
        if unknown:
            raise forms.ValidationError(
                _("Not one of the choices: %(values)s."), params={"values": ", ".join(unknown)}
            )
