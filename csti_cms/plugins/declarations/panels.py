"""Admin panels: choosing one of the memberships plugin's organisations, if installed, and
when an endorsement's contact was erased."""

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


class ErasureDatePanel(FieldPanel):
    """When the retention job erased the endorsement's contact; only once it did."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(field_name, *args, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return getattr(self.instance, self.field_name) is not None and super().is_shown()
