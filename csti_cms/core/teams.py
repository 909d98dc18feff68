"""Which centre's data an admin user works on, when several centres share one install.

Each centre (a Wagtail site) has its own team. The admin shows a team the data of
one site: the site of the host name the admin is reached on
(``Site.find_for_request``). A centre's team therefore uses the admin on the
centre's own host name, and e-mails to a team link there. Superusers look after the
whole install and see every site's data.

Visitors' requests (:mod:`csti_cms.enquiries.teams`) and the plugins' admin screens
(:class:`csti_cms.plugins.SiteScopedViewSetMixin`) follow this rule.

The rule scopes what each host shows; it is not a wall between accounts. User
accounts are shared by every site, so someone with a model's permissions who logs
in on another centre's host name sees that centre's data: give those permissions
only to people entitled to see the data of every centre whose host they can reach.
"""

from email.utils import formataddr, parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname


def sees_every_site(user):
    """Superusers run the whole install, so they follow up any centre's data."""
    return user.is_superuser


def team_site(request):
    """The site whose data ``request`` may show: the one the admin is reached on."""
    return Site.find_for_request(request)


def site_pages(site):
    """Every page of ``site``'s trees, in every language, published or not.

    A site's homes in other languages are translations of its root page, beside it
    under the tree root (see :func:`csti_cms.core.i18n.live_homes`). The admin keeps
    showing a team what hangs from a home that is unpublished for a while, so its
    homes are read whatever their state, unlike the public site's.
    """
    homes = Page.objects.filter(translation_key=site.root_page.translation_key)
    condition = Q(pk__in=[])
    for path in homes.values_list("path", flat=True):
        condition |= Q(path__startswith=path)
    return Page.objects.filter(condition)


def admin_base_url(site):
    """The address at which ``site``'s team opens the admin, for links in e-mails.

    ``WAGTAILADMIN_BASE_URL`` when it names ``site``'s own host name; otherwise the
    site's own root URL, since a team finds its data only on its own host name. A
    setting left at its development default names no site's host, so a centre's
    links follow its site's address even on an install of one centre.
    """
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    if site is None or _site_named_by_url(base_url) == site:
        return base_url
    return site.root_url


def admin_base_url_for_host(address):
    """The admin address for links e-mailed to someone who came through ``address``
    ("https://centre-b.example"): its site's :func:`admin_base_url`, or
    ``WAGTAILADMIN_BASE_URL`` for a host name no site has.

    The link follows the site's configured address, never the host as the request wrote
    it: a forged Host header that ``ALLOWED_HOSTS`` lets through names no site.
    """
    return admin_base_url(_site_named_by_url(address))


def centre_sender(centre_name):
    """The From of an e-mail a centre sends: its name, at the install's address.

    When centres share an install, the name tells the reader which one writes. The
    address stays ``DEFAULT_FROM_EMAIL``: the install's domain is the one whose SPF and
    DKIM records let its mail through, where a centre's own domain would be refused or
    filed as spam. ``formataddr`` quotes a name with a comma and encodes one with accents.
    """
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    if not centre_name or not address:
        return settings.DEFAULT_FROM_EMAIL
    return formataddr((" ".join(centre_name.split()), address))


def _site_named_by_url(url):
    """The site whose own host name ``url`` names, or None.

    Wagtail serves a host name no site has from the default site; that site is not
    named by the address, whose links would not reach it.
    """
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        # A port no server has ("centre.example:99999"): ALLOWED_HOSTS checks names only.
        return None
    try:
        site = get_site_for_hostname(parts.hostname, port)
    except Site.DoesNotExist:
        return None
    return site if site.hostname == parts.hostname else None
