"""Loads the declarations demo (demo_data.py) through the core's ``csti_demo_content`` hook.

Safe to run again: pages have stable translation keys and endorsements are found
by organisation, so nothing is duplicated and what exists is left alone.
"""

from django.utils import timezone

from csti_cms.plugins import DEMO_SOURCE_LANGUAGE, enable_unless_chosen, stable_uuid

from .demo_data import DECLARATIONS, INDEX_PAGE
from .models import (
    DeclarationIndexPage,
    DeclarationPage,
    Endorsement,
    EndorsementStatus,
    RelatedDeclaration,
    Signatory,
)
from .normalise import organisation_key

LABEL = "declarations"


def load_demo(loader):
    loader.report.add(enable_unless_chosen(LABEL, loader.site), f"plugin {LABEL}")
    index = ensure_page(loader, DeclarationIndexPage, loader.refs["page"]["home"], INDEX_PAGE)
    pages = {}
    for spec in DECLARATIONS:
        pages[spec["key"]] = ensure_page(
            loader, DeclarationPage, index, spec, prepare=declaration_parts(loader, spec, pages)
        )
        add_endorsements(loader, pages[spec["key"]], spec["endorsements"])


def declaration_parts(loader, spec, pages):
    """Fills in what ``apply_fields`` does not: commitments, signatories, related links."""
    key = f"{LABEL}-{spec['key']}"

    def prepare(page, language):
        page.commitments = loader.stream(
            [{"type": "commitment", "value": value} for value in spec["commitments"]],
            language,
            ("page", key, "commitments"),
        )
        if language != DEMO_SOURCE_LANGUAGE:
            return  # signatories and links are copied to translations as they are
        page.signatories = [
            Signatory(
                name=signatory["name"],
                organisation_key=(
                    stable_uuid("snippet", signatory["organisation"])
                    if "organisation" in signatory
                    else None
                ),
                signed_on=page.date,
                sort_order=index,
            )
            for index, signatory in enumerate(spec["signatories"])
        ]
        page.related_links = [
            RelatedDeclaration(declaration=pages[other], sort_order=index)
            for index, other in enumerate(spec["related"])
        ]

    return prepare


def add_endorsements(loader, page, endorsements):
    """Approved, confirmed endorsements from fictional organisations."""
    for values in endorsements:
        exists = (
            Endorsement.objects.of(page)
            .filter(organisation_key=organisation_key(values["organisation"]))
            .exists()
        )
        if not exists:
            endorsement = Endorsement(
                declaration=page,
                contact_name="Demo",
                email="contact@example.org",
                consent=True,
                status=EndorsementStatus.APPROVED,
                confirmed_at=timezone.now(),
                **values,
            )
            endorsement.save()
        loader.report.add(not exists, f"endorsement {values['organisation']} of {page.slug}")


def ensure_page(loader, model, parent, spec, prepare=None):
    """A page of this demo; its key carries the plugin's label, as keys are site-wide."""
    return loader.ensure_page(model, parent, {**spec, "key": f"{LABEL}-{spec['key']}"}, prepare)
