"""Setting up a centre in the database: its languages, its home pages and its Wagtail site.

The self-hosting guide used to list these steps as clicks in the admin, for the first
centre of an install and for each one added later; done by hand, a wrong port gave
``http://`` links on an HTTPS site, and a forgotten placeholder page answered as a
second home. :func:`add_centre` does them in one transaction, for ``manage.py
add_centre``, leaving to editors only what needs a person: the translations of the
home page, the branding and the contact details. A centre leaving the install goes with
:func:`csti_cms.core.centre_removal.remove_centre`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail_localize.operations import translate_object

from csti_cms.core.models import BrandingSettings, HomePage


@dataclass(frozen=True)
class NewCentre:
    site: Site
    home: HomePage
    drafts: list  # homes in the other languages, waiting for their translator


def content_locales():
    """Every language of ``WAGTAIL_CONTENT_LANGUAGES``, created when missing."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return [Locale.objects.get_or_create(language_code=code)[0] for code in codes]


def is_wagtail_welcome_page(page):
    """The placeholder page a new Wagtail install starts with, untouched."""
    return page.content_type.model_class() is Page and page.depth == 2 and not page.get_children()


@transaction.atomic
def add_centre(name, hostname, port=443, language=None):
    """Create the home pages and the Wagtail site of the centre ``name`` at ``hostname``.

    The home is written in ``language`` (the install's ``LANGUAGE_CODE`` unless told)
    and submitted for translation into the other content languages, where it waits as
    a draft until its translator publishes it (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_
    TRANSLATE``). The first centre of an install takes over the site Wagtail starts
    with and removes its placeholder page; later ones are sites of their own.
    """
    locales = {locale.language_code: locale for locale in content_locales()}
    language = language or settings.LANGUAGE_CODE
    if language not in locales:
        raise ValidationError(
            f"{language!r} is not a content language of this install ({', '.join(locales)})."
        )
    site = _placeholder_site()
    others = Site.objects.exclude(pk=site.pk) if site else Site.objects.all()
    if others.filter(hostname=hostname, port=port).exists():
        raise ValidationError(f"A site already answers at {hostname}:{port}.")
    if site is None:
        site = Site(is_default_site=not Site.objects.filter(is_default_site=True).exists())
    else:
        _remove_welcome_page(site)
    home = _create_home(name, locales[language])
    site.hostname, site.port, site.site_name, site.root_page = hostname, port, name, home
    site.full_clean()
    site.save()
    branding = BrandingSettings.for_site(site)
    branding.centre_name = name
    branding.save()
    translate_object(home, [locale for code, locale in locales.items() if code != language])
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    drafts = sorted(
        home.get_translations(), key=lambda page: order.index(page.locale.language_code)
    )
    return NewCentre(site=site, home=home, drafts=drafts)


def _remove_welcome_page(site):
    # Deleting a site's root page would delete the site with it: point it away first.
    welcome = site.root_page
    site.root_page = Page.get_first_root_node()
    site.save()
    welcome.delete()


def _placeholder_site():
    """The site a new install starts with, while it still shows Wagtail's welcome page."""
    sites = list(Site.objects.select_related("root_page"))
    if len(sites) == 1 and is_wagtail_welcome_page(sites[0].root_page):
        return sites[0]
    return None


def _create_home(name, locale):
    root = Page.get_first_root_node()
    # Siblings' slugs count in every language: the translations, beside the home under the
    # root, take this one's slug with a number (``-1``, ``-2``) from wagtail-localize.
    taken = set(root.get_children().values_list("slug", flat=True))
    base = slugify(name) or "home"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    home = HomePage(title=name, slug=slug, locale=locale)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home
