"""Loads the memberships demo (demo_data.py) through the core's ``csti_demo_content`` hook.

Safe to run again: every object has a stable translation key, and what exists
(an editor may have changed it) is left alone. French rows come first; the Dutch
and English ones are stored through wagtail-localize, as a translator's work is.
"""

from csti_cms.plugins import enable_unless_chosen, stable_uuid

from .demo_data import DIRECTOR, DIRECTOR_FUNCTION, MEMBERSHIPS, MEMBERSHIPS_PAGE, ORGANISATIONS
from .models import Membership, MembershipsPage, Organisation

LABEL = "memberships"


def load_demo(loader):
    loader.report.add(enable_unless_chosen(LABEL, loader.site), f"plugin {LABEL}")
    organisations = {
        spec["key"]: loader.ensure_translated(
            Organisation, {**spec, "key": f"{LABEL}-{spec['key']}"}
        )
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
        loader.ensure_translated(Membership, {"key": key, "fields": fields})
    page = {**MEMBERSHIPS_PAGE, "key": f"{LABEL}-{MEMBERSHIPS_PAGE['key']}"}
    loader.ensure_page(MembershipsPage, loader.refs["page"]["home"], page)
