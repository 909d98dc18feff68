"""The admin's log of data that belongs to one centre, kept out of other centres' sight.

Wagtail labels each log entry with the object's title when it is written (an
endorsement's organisation, a membership's network) and lists every model's log
together in **Reports → Site history** to anyone with a permission on the model. That
report asks only which user is looking, not on which host name, so it cannot tell
which centre a team member works on (:mod:`csti_cms.core.teams`): the entries of a
centre's data are listed there to those who see every site alone. A team reads the
history of each of its objects on the object (its History view, scoped to the site like
every view of the object by :class:`csti_cms.core.site_scope.SiteScopedViewSetMixin`).

A model whose objects belong to one site gets a log model of its own, a subclass of
:class:`CentreLogEntry`, registered for it with ``actions.register_model(Model,
ItsLogEntry)`` in the ``register_log_actions`` hook.
"""

from django.db import models
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager

from .teams import sees_every_site


class CentreLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Entries listed to ``user`` wherever Wagtail lists every model's log together."""
        if sees_every_site(user):
            return super().viewable_by_user(user)
        return self.none()


class CentreLogEntry(BaseLogEntry):
    """What was done in the admin to an object of one centre, as Wagtail's ``ModelLogEntry``."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = CentreLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        abstract = True
        ordering = ["-timestamp", "-id"]
