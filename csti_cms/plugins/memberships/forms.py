"""The admin form of a membership: checks its roles' years against its own."""

from wagtail.admin.forms import WagtailAdminModelForm

from .validation import role_years_errors


class MembershipForm(WagtailAdminModelForm):
    """Puts an error on each role whose years fall outside the membership's.

    The roles are edited in the same form (an inline panel); a role being added
    does not know its membership yet, so the check happens here, where both the
    membership's years and each role's years are known.
    """

    def clean(self):
        cleaned_data = super().clean()
        since, until = cleaned_data.get("since"), cleaned_data.get("until")
        formset = self.formsets.get("roles")
        if formset is None:
            return cleaned_data
        for index, form in enumerate(formset.forms):
            is_new = index >= formset.initial_form_count()
            if (is_new and not form.has_changed()) or not form.is_valid():
                continue
            if form.cleaned_data.get("DELETE"):
                continue
            errors = role_years_errors(
                form.cleaned_data.get("start_year"),
                form.cleaned_data.get("end_year"),
                since,
                until,
            )
            for field, message in errors.items():
                form.add_error(field, message)
        return cleaned_data
