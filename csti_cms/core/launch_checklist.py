"""What a centre's site still lacks before visitors and its teams can rely on it.

A new centre's site works with every setting left empty, by design: each page answers and
each form keeps what visitors send. Some gaps only show once the site is live, though: a
form with no privacy policy to link to, as data-protection law asks, a site naming no
publisher or publishing no accessibility statement, as French and Belgian law ask, a
teacher's booking that no team is told of. The admin dashboard lists them for the site the
admin is reached on, each with a link to the setting that closes it, and says nothing once
none is left.

Some lines are advice rather than gaps (``optional``): an eco-design statement, which French
public bodies publish against the RGESN and other centres may. They are listed after the
gaps while some remain, and never keep the list on the dashboard on their own: a centre
that does without one is not nagged for ever.

The distribution's other apps (the requests' app, for one) add their own through the
``csti_launch_checklist`` hook (:mod:`csti_cms.core.hooks`).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Site

from csti_cms.core.models import BrandingSettings, ContactSettings

LAUNCH_CHECKLIST = "csti_launch_checklist"


@dataclass(frozen=True)
class LaunchGap:
    """One thing missing: what it costs visitors or the team, and where to set it.

    ``permission`` (``app_label.codename``) is the one needed to follow ``url``: the
    dashboard lists the gap to those who have it. An ``optional`` one is advice, listed
    only beside gaps that are not (see above).
    """

    message: str
    url: str
    action: str
    permission: str
    optional: bool = False


def settings_url(model, site):
    """The admin address of ``site``'s settings of ``model`` (a Wagtail site setting)."""
    meta = model._meta
    return reverse("wagtailsettings:edit", args=[meta.app_label, meta.model_name, site.pk])


def settings_gap(model, site, message, *, optional=False):
    """A gap closed in ``site``'s settings of ``model``, named as the admin menu names them."""
    meta = model._meta
    return LaunchGap(
        message,
        settings_url(model, site),
        capfirst(meta.verbose_name),
        f"{meta.app_label}.change_{meta.model_name}",
        optional,
    )


def launch_gaps(site):
    """Every gap of ``site``: the core's first, then those the hook's functions return."""
    gaps = [*_contact_gaps(site), *_branding_gaps(site)]
    for fn in hooks.get_hooks(LAUNCH_CHECKLIST):
        gaps.extend(fn(site))
    return gaps


def gaps_for_user(site, user):
    """The gaps of ``site`` that ``user`` may close."""
    return [gap for gap in launch_gaps(site) if user.has_perm(gap.permission)]


def checklist_for_user(site, user):
    """What the dashboard lists to ``user``: the gaps they may close, then the optional
    lines among them; nothing when only optional ones are left."""
    gaps = gaps_for_user(site, user)
    if all(gap.optional for gap in gaps):
        return []
    return sorted(gaps, key=lambda gap: gap.optional)


def _contact_gaps(site):
    contact = ContactSettings.for_site(site)
    if not _is_live_in_a_language(contact.privacy_page_id):
        yield settings_gap(
            ContactSettings,
            site,
            _(
                "No published privacy policy is chosen: the forms and the footer cannot link "
                "to it, as data-protection law asks wherever personal details are collected."
            ),
        )
    if not _is_live_in_a_language(contact.legal_notice_page_id):
        yield settings_gap(
            ContactSettings,
            site,
            _(
                "No published legal notice is chosen: French and Belgian law ask a site to "
                "name its publisher."
            ),
        )
    if not _is_live_in_a_language(contact.accessibility_statement_page_id):
        yield settings_gap(
            ContactSettings,
            site,
            _(
                "No published accessibility statement is chosen: the footer states the "
                "site's conformance without leading to what is not accessible and how to "
                "report a barrier, as French and Belgian law ask."
            ),
        )
    if not contact.email:
        yield settings_gap(
            ContactSettings,
            site,
            _("No contact e-mail address: visitors find none in the footer or on the site."),
        )
    if not _is_live_in_a_language(contact.ecodesign_statement_page_id):
        yield settings_gap(
            ContactSettings,
            site,
            _(
                "Optional: no eco-design statement is chosen. French public bodies publish "
                "one against the RGESN, the French government's eco-design framework for "
                "digital services, and many European centres publish one of their own "
                "accord; the footer links to it once chosen."
            ),
            optional=True,
        )


def _branding_gaps(site):
    branding = BrandingSettings.for_site(site)
    if not branding.logo_id:
        yield settings_gap(
            BrandingSettings, site, _("No logo: the header shows the centre's name alone.")
        )
    if not (branding.logo_id or branding.default_sharing_image_id):
        yield settings_gap(
            BrandingSettings,
            site,
            _(
                "No default sharing image: pages without one of their own are shared on "
                "social networks without a picture."
            ),
        )


def _is_live_in_a_language(page_id):
    """Whether the page chosen, or one of its translations, is published (the footer and
    the forms link to the visitor's translation, else to another one)."""
    if not page_id:
        return False
    chosen = Page.objects.filter(pk=page_id).values("translation_key")
    return Page.objects.filter(translation_key__in=chosen).live().exists()


class LaunchChecklistPanel(Component):
    """The dashboard's list of what the site the admin is reached on still lacks.

    First on the dashboard while something is missing; absent once nothing is.
    """

    name = "launch_checklist"
    template_name = "csti_core/admin/launch_checklist.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        site = Site.find_for_request(request)
        gaps = checklist_for_user(site, request.user) if site else []
        return {"site": site, "gaps": gaps}
