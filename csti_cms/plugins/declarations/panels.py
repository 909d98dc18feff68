"""An admin field for choosing one of the memberships plugin's organisations, if installed."""

from django import forms
from wagtail.admin.panels import FieldPanel

from .organisations import organisation_choices, organisation_model


class OrganisationSelect(forms.Select):
    """Lists the organisations when drawn, so an organisation added a minute ago is there."""

    def get_context(self, name, value, attrs):
        self.choices = [("", "---------"), *organisation_choices()]
        return super().get_context(name, value, attrs)


class OrganisationPanel(FieldPanel):
    """The signatory's organisation; not shown when the memberships plugin is not installed."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs.setdefault("widget", OrganisationSelect)
        super().__init__(field_name, *args, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return organisation_model() is not None and super().is_shown()
