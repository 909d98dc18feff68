from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from csti_cms.plugins import PluginConfig

from . import __version__


class DeclarationsConfig(PluginConfig):
    name = "csti_cms.plugins.declarations"
    label = "declarations"
    verbose_name = _("Declarations")
    version = __version__
    description = _(
        "Declarations adopted by science centres at world summits and congresses (Toronto, "
        "Cape Town, Mechelen...): their commitments, signatories and public endorsements."
    )
    compatibility = ">=0.1,<1"
    # Signatories can be organisations of the memberships plugin, when it is installed.
    optional_depends_on = ("memberships",)
    default_settings = {
        # How long a confirmation link sent by e-mail stays valid, in seconds.
        "DECLARATIONS_CONFIRMATION_MAX_AGE": 3 * 24 * 3600,
        # One address gets at most one confirmation e-mail per declaration in this many
        # seconds: anyone can type anyone's address, and the e-mail comes from the centre.
        "DECLARATIONS_CONFIRMATION_PER_ADDRESS_PERIOD": 3600,
        # How many endorsements one client address may send per period (seconds).
        "DECLARATIONS_ENDORSEMENT_RATE_LIMIT": 5,
        "DECLARATIONS_ENDORSEMENT_RATE_PERIOD": 3600,
        # Days a rejected endorsement is kept after the decision, then deleted: time for the
        # organisation to ask why, or for an editor to undo a mistake. It blocks nothing.
        "DECLARATIONS_REJECTED_RETENTION_DAYS": 30,
    }
    reserved_ids = frozenset(
        {
            "commitments-title",
            "declaration-title",
            "endorse",
            "endorse-title",
            "endorsements",
            "endorsements-title",
            "full-text-title",
            "signatories-title",
        }
    )
    # A declaration in a list, or featured in a page's body, by its number.
    reserved_id_patterns = (r"(featured-)?declaration-\d+",)
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        super().ready()
        from csti_cms.core.caching import refresh_on_change

        from .models import Endorsement

        # Confirmed, approved endorsements show on the declarations and their counts.
        refresh_on_change(Endorsement)

    def can_disable(self, site):
        from .models import DeclarationIndexPage, DeclarationPage

        homes = site.root_page.get_translations(inclusive=True)
        count = sum(
            model.objects.live().descendant_of(home).count()
            for home in homes
            for model in (DeclarationIndexPage, DeclarationPage)
        )
        if not count:
            return []
        return [
            ngettext(
                "%(count)s published declaration page will answer 404 on this site, and its "
                "endorsement form will close (endorsements are kept).",
                "%(count)s published declaration pages will answer 404 on this site, and their "
                "endorsement forms will close (endorsements are kept).",
                count,
            )
            % {"count": count}
        ]
