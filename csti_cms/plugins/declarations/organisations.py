"""Signatories as organisations of the memberships plugin, when that plugin is there.

Declarations do not need the memberships plugin (it is an optional dependency),
so a signatory stores a plain name and, optionally, the *translation key* of a
memberships organisation: a UUID shared by all language versions of it, kept in
a plain column. Hence no foreign key and no migration dependency on a plugin that
may not be installed; where the memberships plugin is switched off (or was
removed), the plain name is shown instead. Nothing here imports that plugin: its
model is looked up by name through the app registry, after checking it is there.
"""

from django.apps import apps

from csti_cms.plugins import alphabetical, is_enabled, prefer_language

MEMBERSHIPS = "memberships"


def organisation_model():
    """The memberships plugin's Organisation model, or None when it is not installed."""
    try:
        return apps.get_model(MEMBERSHIPS, "Organisation")
    except LookupError:
        return None


def organisations_by_key(keys, language=None):
    """``{translation key: organisation}`` in ``language`` (the active one), in one query."""
    model = organisation_model()
    keys = {key for key in keys if key}
    if model is None or not keys:
        return {}
    rows = model.objects.filter(translation_key__in=keys).select_related("locale", "logo")
    return {row.translation_key: row for row in prefer_language(rows, language)}


def organisation_choices():
    """Choices for the admin: every organisation once, named in the editor's language."""
    model = organisation_model()
    if model is None:
        return []
    rows = model.objects.select_related("locale")
    organisations = prefer_language(rows)
    return sorted(
        ((str(o.translation_key), str(o)) for o in organisations), key=lambda c: alphabetical(c[1])
    )


def attach_organisations(signatories, site):
    """Give each signatory its ``organisation`` where the memberships plugin is on for ``site``.

    ``organisation`` is None for plain names, and for everyone where the plugin is off.
    """
    found = {}
    if is_enabled(MEMBERSHIPS, site):
        found = organisations_by_key(s.organisation_key for s in signatories)
    for signatory in signatories:
        signatory.organisation = found.get(signatory.organisation_key)
    return signatories
