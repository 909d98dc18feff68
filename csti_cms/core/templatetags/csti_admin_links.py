"""Admin links in e-mails that answer a request made on one centre's host name."""

from django import template

from csti_cms.core.teams import admin_base_url_for_host

register = template.Library()


@register.simple_tag
def admin_base_url_for(protocol, domain):
    """The admin address of the site at ``domain`` (a host name, with its port if any),
    reached over ``protocol``: a password reset asked on a centre's host name links back
    there, where that centre's team works (see :mod:`csti_cms.core.teams`)."""
    return admin_base_url_for_host(f"{protocol}://{domain}")
