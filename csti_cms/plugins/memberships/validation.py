"""The rules about years that every membership and role must follow.

Kept apart from the models so that the admin form (which sees the roles being
edited before they are saved) and the models (saved from code, e.g. the demo
loader) apply exactly the same rules with the same messages.
"""

from django.utils.translation import gettext as _


def membership_years_errors(since, until):
    """``{field: message}`` for a membership running from ``since`` to ``until`` (or on)."""
    if since is not None and until is not None and until < since:
        return {
            "until": _(
                "A membership cannot end before it starts: “until” (%(until)s) is before "
                "“since” (%(since)s)."
            )
            % {"since": since, "until": until}
        }
    return {}


def role_years_errors(start, end, since, until):
    """``{field: message}`` for a role held from ``start`` to ``end`` (or on).

    A role must fit within the membership it is held through, which runs from
    ``since`` to ``until`` (or on).
    """
    values = {"start": start, "end": end, "since": since, "until": until}
    errors = {}
    if start is None:
        return errors
    if end is not None and end < start:
        errors["end_year"] = _("The role cannot end (%(end)s) before it starts (%(start)s).")
    if since is not None and start < since:
        errors["start_year"] = _(
            "The role starts in %(start)s, before the membership began (%(since)s): roles "
            "must fall within the membership's years."
        )
    if until is not None:
        if start > until:
            errors["start_year"] = _(
                "The role starts in %(start)s, after the membership ended (%(until)s)."
            )
        if end is None:
            errors.setdefault(
                "end_year",
                _("The membership ended in %(until)s: give the year this role ended too."),
            )
        elif end > until:
            errors.setdefault(
                "end_year",
                _("The role ends in %(end)s, after the membership ended (%(until)s)."),
            )
    return {field: message % values for field, message in errors.items()}
