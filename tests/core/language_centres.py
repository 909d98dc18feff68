"""Centres sharing the demo's install in other languages than its own, for the tests of a
site's language: a Dutch-first centre publishing Dutch and French, and a French-only one."""

from csti_cms.core.centres import add_centre

#: The Dutch-first centre: Dutch and French published, English left a draft.
TECHNOPOLIS = "www.technopolis.be"
#: The French-only centre: its Dutch and English homes stay drafts.
WALLOON = "www.sciences-wallonie.be"


def technopolis():
    """Add the Dutch-first centre, its French home published; its Wagtail site."""
    centre = add_centre("Technopolis", TECHNOPOLIS, 443, "nl")
    for draft in centre.drafts:
        if draft.locale.language_code == "fr":
            draft.save_revision().publish()
    return centre.site


def walloon_centre():
    """Add the French-only centre; its Wagtail site."""
    return add_centre("Sciences en Wallonie", WALLOON, 443, "fr").site


def get(client, host, path, **headers):
    """``client``'s answer to ``path`` on ``host``, over HTTPS as the centres are set up."""
    return client.get(path, HTTP_HOST=host, secure=True, headers=headers)
