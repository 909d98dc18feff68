"""A model field for a set of choices that works on every database."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.JSONField):
    """A list of values from ``choices``, edited as checkboxes, stored as a JSON list.

    JSON rather than PostgreSQL's ArrayField, so SQLite installs work the same.
    """

    def __init__(self, *args, choices=(), **kwargs):
        self.item_choices = list(choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.item_choices
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        # Skip JSONField's own form field: editors tick boxes, they do not write JSON.
        return models.Field.formfield(
            self,
            **{
                "form_class": forms.MultipleChoiceField,
                "choices": self.item_choices,
                "widget": forms.CheckboxSelectMultiple,
                **kwargs,
            },
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {choice for choice, _label in self.item_choices}
        unknown = sorted(set(value or []) - allowed)
        if unknown:
            raise ValidationError(
                _("Unknown choices: %(values)s."),
                code="invalid_choice",
                params={"values": ", ".join(unknown)},
            )
