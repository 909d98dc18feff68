from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from csti_cms.plugins import PluginConfig

from . import __version__


class MembershipsConfig(PluginConfig):
    name = "csti_cms.plugins.memberships"
    label = "memberships"
    verbose_name = _("Memberships")
    version = __version__
    description = _(
        "The professional networks the centre belongs to (ASTC, Ecsite...), since when, at "
        "which level, and the roles its people hold there."
    )
    compatibility = ">=0.1,<1"
    # A network on the memberships page, by its translation key, and its scope's group.
    reserved_id_patterns = (
        r"network-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(-name)?",
        r"scope-[a-z]+",
    )
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        super().ready()
        from csti_cms.core.caching import refresh_on_change

        from .models import Membership, Organisation, Role

        # Pages, the networks block and the centre's structured data show them.
        refresh_on_change(Organisation, Membership, Role)

    def can_disable(self, site):
        from .models import Membership, MembershipsPage

        homes = site.root_page.get_translations(inclusive=True)
        pages = sum(MembershipsPage.objects.live().descendant_of(home).count() for home in homes)
        memberships = Membership.objects.filter(site=site).values("translation_key").distinct()
        warnings = []
        if pages:
            warnings.append(
                ngettext(
                    "%(count)s published memberships page will answer 404 on this site.",
                    "%(count)s published memberships pages will answer 404 on this site.",
                    pages,
                )
                % {"count": pages}
            )
        if memberships.exists():
            count = memberships.count()
            warnings.append(
                ngettext(
                    "%(count)s membership will no longer be shown on this site (it is kept).",
                    "%(count)s memberships will no longer be shown on this site (they are kept).",
                    count,
                )
                % {"count": count}
            )
        return warnings
