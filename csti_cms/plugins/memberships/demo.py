"""Loads the memberships demo (demo_data.py) through the core's ``csti_demo_content`` hook.

Safe to run again: every object has a stable translation key, and what exists
(an editor may have changed it) is left alone. French rows come first; the Dutch
and English ones are stored through wagtail-localize, as a translator's work is.
"""

from wagtail.models import Page

from csti_cms.core.demo_content import SOURCE_LANGUAGE, stable_uuid
from csti_cms.core.demo_translation import translate_page
from csti_cms.plugins import enable

from .demo_data import DIRECTOR, DIRECTOR_FUNCTION, MEMBERSHIPS, MEMBERSHIPS_PAGE, ORGANISATIONS
from .models import Membership, MembershipsPage, Organisation

LABEL = "memberships"


def load_demo(loader):
    enable(LABEL, loader.site)
    organisations = {
        spec["key"]: ensure_translated(loader, Organisation, f"{LABEL}-{spec['key']}", spec)
        for spec in ORGANISATIONS
    }
    for spec in MEMBERSHIPS:
        key = f"{LABEL}-membership-{spec['key']}"
        fields = {
            **spec["fields"],
            "site": loader.site,
            "organisation": organisations[spec["organisation"]],
            "roles": [
                {
                    "translation_key": str(stable_uuid("snippet", key, "role", index)),
                    "sort_order": index,
                    "person_name": DIRECTOR,
                    "person_function": DIRECTOR_FUNCTION,
                    **role,
                }
                for index, role in enumerate(spec["roles"])
            ],
        }
        ensure_translated(loader, Membership, key, {"key": key, "fields": fields})
    ensure_page(loader, MembershipsPage, loader.refs["page"]["home"], MEMBERSHIPS_PAGE)


def ensure_translated(loader, model, key, spec):
    """The French row of ``key`` with its translations, created where missing."""
    spec = {**spec, "key": key}
    translation_key = stable_uuid("snippet", key)
    locales = loader.locales
    source = model.objects.filter(
        translation_key=translation_key, locale=locales[SOURCE_LANGUAGE]
    ).first()
    created = source is None
    if created:
        source = model(translation_key=translation_key, locale=locales[SOURCE_LANGUAGE])
        loader.apply_fields(source, spec, SOURCE_LANGUAGE)
        source.full_clean()
        source.save()
    loader.report.add(created, f"{model._meta.model_name} {key} ({SOURCE_LANGUAGE})")
    for language in loader.languages:
        if language == SOURCE_LANGUAGE:
            continue
        locale = locales[language]
        exists = model.objects.filter(translation_key=translation_key, locale=locale).exists()
        if not exists:
            target = model(locale=locale)
            loader.apply_fields(target, spec, language)
            translate_page(source, target, locale)
        loader.report.add(not exists, f"{model._meta.model_name} {key} ({language})")
    return source


def ensure_page(loader, model, parent, spec):
    """The French page of ``spec`` under ``parent`` with its translations, made where missing."""
    key = f"{LABEL}-{spec['key']}"
    spec = {**spec, "key": key}
    translation_key = stable_uuid("page", key)
    locales = loader.locales
    page = Page.objects.filter(
        translation_key=translation_key, locale=locales[SOURCE_LANGUAGE]
    ).first()
    created = page is None
    if created:
        page = model(translation_key=translation_key, locale=locales[SOURCE_LANGUAGE])
        loader.apply_fields(page, spec, SOURCE_LANGUAGE)
        parent.add_child(instance=page)
        page.full_clean()
        page.save_revision().publish()
    page = page.specific
    loader.report.add(created, f"page {key} ({SOURCE_LANGUAGE})")
    for language in loader.languages:
        if language == SOURCE_LANGUAGE:
            continue
        locale = locales[language]
        exists = page.get_translations().filter(locale=locale).exists()
        if not exists:
            target = model(locale=locale)
            loader.apply_fields(target, spec, language)
            translate_page(page, target, locale)
        loader.report.add(not exists, f"page {key} ({language})")
    return page
