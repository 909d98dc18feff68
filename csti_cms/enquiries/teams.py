"""Which centre's requests an admin user works on, when several centres share one install.

Each centre (a Wagtail site) has its own team, and visitors' names, e-mails and phone
numbers are meant for that team only. The admin shows a user the requests of one
site: the site of the host name the admin is reached on (``Site.find_for_request``),
the same rule the plugins' admin menus and views follow, defined in
:mod:`csti_cms.core.teams` and applied to the requests' admin views by
:class:`csti_cms.core.site_scope.SiteScopedViewSetMixin`. A centre's team therefore
uses the admin on the centre's own host name, and the notification e-mail links there.
Superusers look after the whole install and see every site's requests, including
those whose site was deleted.

What was done to a request in the admin (status changes, notes, deletion) is logged
under the request's title, so the log follows the same rule. Each request's History
view is scoped like its other views. Wagtail's site history report, though, lists
every model's log together and asks only which user is looking, not on which host:
requests' entries (``RequestLogEntry``) appear there for those who see every site
alone, and a team reads its requests' history on each request.

The rule scopes what each host shows; it is not a wall between accounts. User
accounts are shared by every site, so someone with the request permissions who
logs in on another centre's host name sees that centre's requests: give those
permissions only to people entitled to see the requests of every centre whose
host they can reach.
"""

from csti_cms.core.teams import admin_base_url, sees_every_site, team_site

__all__ = ["admin_base_url", "sees_every_site", "team_site"]
