"""How long a request keeps the details of the person who sent it.

A request names who to answer (name, e-mail, phone) and holds what they and the team
wrote in their own words (a pupil's needs, a message, internal notes), which may
say more about a person than a booking needs. The team needs all of it while they
answer and until the visit or the event, which the forms take up to three years ahead.
``CSTI_REQUEST_RETENTION_DAYS`` (two years by default) after the request arrives or after
the last day it names, whichever is later, ``manage.py erase_old_personal_data``, run
daily, blanks those fields and keeps the rest: the centre still counts its school groups
and events by year, level and activity, but no longer knows who asked. The public forms
tell visitors the period, as data-protection law asks of whoever collects their details, so
the promise also covers what the team writes in a request after its erasure (erased
again at the next run) and the request's admin history, logged under its title.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Cast, Coalesce, Concat
from django.db.models.signals import pre_delete
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.log_actions import registry as log_registry
from wagtail.models import Site

from csti_cms.core.hooks import ERASE_PERSONAL_DATA
from csti_cms.core.i18n import site_language

from .models import fold_search_texts
from .services import enquiry_models

logger = logging.getLogger(__name__)


def retention_days():
    """The days a request keeps personal details; ``0`` keeps them without end."""
    return settings.CSTI_REQUEST_RETENTION_DAYS


def erasure_cutoff(days, now=None):
    """Requests received, and visited or held, before this moment are due for erasure."""
    return (now or timezone.now()) - datetime.timedelta(days=days)


def due_for_erasure(model, before):
    """Requests of ``model`` whose period ended by ``before`` that still hold personal details.

    Erased requests are among them again when someone wrote in them since (internal notes
    typed afterwards): the forms promise that nothing personal outlives the period.
    """
    holds_details = models.Q(personal_data_erased_at__isnull=True)
    for name, applies in personal_fields(model).items():
        holds_details |= applies & ~blank(model._meta.get_field(name))
    return model.objects.filter(holds_details, period_over(model, before))


def period_over(model, before):
    """The requests of ``model`` received before ``before`` whose days are all before it too.

    The period counts from the later of a request's receipt and the last day it names
    (``days_asked_for``: a class's visit, an event), which the forms take up to
    three years ahead: a teacher's details outlive the visit they booked by the whole
    period. A date left empty (no other possible date) holds nothing back. Each date is
    compared on its own rather than through the latest of them, which SQLite's ``MAX()``
    would make null as soon as one is.
    """
    day = centre_day(before)
    over = models.Q(created_at__lt=before)
    for name in model.days_asked_for:
        over &= models.Q(**{f"{name}__lt": day}) | models.Q(**{f"{name}__isnull": True})
    return over


def centre_day(moment):
    """The centre's day at ``moment``, which the days a request names are in.

    The earliest moment (retention off) gives the earliest day: a time zone behind UTC
    would take it out of the calendar.
    """
    try:
        return timezone.localdate(moment)
    except OverflowError:
        return datetime.date.min


def personal_fields(model):
    """``{field name: the requests of model where it names a person}`` for every personal field.

    Most fields name a person on every request (``personal_fields``); a few only on some,
    which the model gives in ``personal_fields_when`` (a private celebration's organisation
    is a family). ``Q()`` selects every request.
    """
    always = dict.fromkeys(model.personal_fields, models.Q())
    return {**always, **model.personal_fields_when}


def blank(field):
    """Requests whose ``field`` holds nothing: empty, or null where allowed."""
    empty = models.Q(**{field.name: ""})
    return empty | models.Q(**{f"{field.name}__isnull": True}) if field.null else empty


def blanked(model):
    """What each personal field of ``model`` is erased to: empty, or null where allowed.

    A field personal on some requests only keeps its value on the others.
    """
    erased = {}
    for name, applies in personal_fields(model).items():
        field = model._meta.get_field(name)
        empty = models.Value(None if field.null else "", output_field=field)
        erased[name] = (
            models.Case(models.When(applies, then=empty), default=models.F(name))
            if applies
            else empty
        )
    return erased


def erase_due(model, due, now):
    """Erase the ``due`` requests of ``model`` and their history's titles; the count erased.

    A request erased again keeps the date it was first erased on. Its search text, blanked
    with the rest, is folded again from what the erasure kept (the school, the
    organisation), so the team still finds the request, and no longer by a name.
    """
    label_history_by_number(model, due)
    erased = list(due.values_list("pk", flat=True))
    count = due.update(
        personal_data_erased_at=Coalesce("personal_data_erased_at", models.Value(now)),
        **blanked(model),
    )
    if hasattr(model, "searchable_fields"):
        fold_search_texts(model._base_manager.filter(pk__in=erased), model.searchable_fields)
    return count


def label_history_by_number(model, objects=None):
    """Give the admin history of ``objects`` (a queryset of ``model``) titles naming nobody.

    Wagtail labels each log entry with the object's title when it is written, and keeps
    the label once the object is erased or deleted: a request's title names its
    organisation (a family, for a private celebration), an endorsement's its signatory.
    The label becomes the kind of object and its number, "Quote request #42", in the
    main language of the object's site, as its team's e-mails are: the team follows a
    request's history on the request. Call it before deleting ``objects``: each request
    is relabelled so as it is deleted (:func:`forget_name_on_delete`).
    Without ``objects``, the history of the objects of ``model`` deleted since (an
    endorsement an editor deleted) is renamed, in the install's ``LANGUAGE_CODE``: their
    site is gone with them, and only those who see every site read it
    (:mod:`csti_cms.core.centre_log`). So is a model without a site.
    """
    entries = log_registry.get_log_model_for_model(model).objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False)
    )
    if objects is None:
        numbered = numbered_label(model, settings.LANGUAGE_CODE)
        entries = entries.exclude(object_id__in=as_text(model._base_manager.all()))
        entries.exclude(label=numbered).update(label=numbered)
        return
    for language, some in by_site_language(model, objects):
        entries.filter(object_id__in=as_text(some)).update(label=numbered_label(model, language))


def forget_name_on_delete(sender, instance, **kwargs):
    """Relabel the history of a request being deleted, its deletion's entry included.

    A ``pre_delete`` receiver: an editor deleting a request to honour an erasure request
    expects its name gone at once, not at the next daily run; the request, still stored,
    tells the language of its site.
    """
    label_history_by_number(sender, sender._base_manager.filter(pk=instance.pk))


def forget_names_on_delete():
    """Relabel each request's history as it is deleted, whoever deletes it: the admin, its
    bulk actions, a command (:func:`forget_name_on_delete`)."""
    for model in enquiry_models():
        uid = f"csti-forget-name-{model._meta.label_lower}"
        pre_delete.connect(forget_name_on_delete, sender=model, dispatch_uid=uid)


def numbered_label(model, language):
    """The label of an object of ``model`` in ``language``: its kind, then its number."""
    with translation.override(language):
        kind = f"{capfirst(model._meta.verbose_name)} #"
    return Concat(models.Value(kind), "object_id", output_field=models.CharField())


def by_site_language(model, objects):
    """``(language, queryset)`` pairs splitting ``objects`` by the main language of their site.

    One pair, in the install's ``LANGUAGE_CODE``, for a model whose objects have no site.
    """
    try:
        model._meta.get_field("site")
    except FieldDoesNotExist:
        return [(settings.LANGUAGE_CODE, objects)]
    site_ids = set(objects.order_by().values_list("site", flat=True).distinct())
    sites = Site.objects.select_related("root_page").in_bulk(site_ids - {None})
    by_language = {}
    for site_id in site_ids:
        # A request whose site was deleted since is labelled in the install's language.
        condition = Q(site__isnull=True) if site_id is None else Q(site=site_id)
        language = site_language(sites.get(site_id))
        by_language[language] = by_language.get(language, Q(pk__in=[])) | condition
    return [(language, objects.filter(condition)) for language, condition in by_language.items()]


def as_text(objects):
    """The primary keys of ``objects`` as log entries store them: text."""
    return objects.annotate(as_text=Cast("pk", models.CharField())).values("as_text")


def erase_personal_data(before, *, dry_run=False):
    """Erase the personal fields of every request received, and visited or held, before
    ``before`` (:func:`period_over`).

    Returns ``{model: count}`` of the requests erased (or, with ``dry_run``, due),
    leaving out models with none. Apps and plugins erase what they keep through the
    ``csti_erase_personal_data`` hook (:mod:`csti_cms.core.hooks`). The history of what
    editors deleted by hand is renamed too, for every model the run covers. All kinds are
    erased in one transaction, so a failure leaves everything as it was.
    """
    erased = {}
    now = timezone.now()
    with transaction.atomic():
        for model in enquiry_models():
            due = due_for_erasure(model, before)
            count = due.count() if dry_run else erase_due(model, due, now)
            if count:
                erased[model] = count
        covered = set(enquiry_models())
        for erase in hooks.get_hooks(ERASE_PERSONAL_DATA):
            counts = erase(before, dry_run)
            covered.update(counts)
            erased.update((model, count) for model, count in counts.items() if count)
        if not dry_run:
            for model in covered:
                label_history_by_number(model)
    if not dry_run:
        for model, count in erased.items():
            logger.info(
                "Erased the personal details of %d %s received, and visited or held, before %s",
                count,
                model._meta.label_lower,
                before.isoformat(timespec="seconds"),
            )
    return erased


def retention_period_text(days=None):
    """The retention period as visitors read it ("2 years", "6 months", "90 days"), or ""
    when details are kept without end."""
    days = retention_days() if days is None else days
    if not days:
        return ""
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if days % 30 == 0:
        months = days // 30
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
