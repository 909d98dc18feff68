"""What visitors send the centre: booking requests, quote requests and their kin.

The shared machinery of every public request form lives here, so that each form
gets the same guarantees without re-implementing them:

- :mod:`.models`: the abstract :class:`~.models.Enquiry` (site, language, status,
  notification outcome) and the per-site notification address;
- :mod:`.forms`: spam protection without any third-party service (a honeypot and a
  per-client rate limit);
- :mod:`.services`: store first, then notify, and log what could not be sent;
- :mod:`.closures`: the days the centre is closed, asked of whichever app knows them;
- :mod:`.viewsets`: the admin listing with a status filter and CSV export;
- :mod:`.teams`: which site's requests an admin user sees (the site of the admin's
  host name; every site for superusers).
"""
