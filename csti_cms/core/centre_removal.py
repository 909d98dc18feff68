"""A centre leaving a shared install: everything that was its alone goes, in one step.

The counterpart of :mod:`csti_cms.core.centres`, for a centre that moves to an install
of its own or closes. Deleting its pages, site, settings and visitors' requests by hand
in the admin left personal data behind in the shared database: a request's link to its
site is ``SET_NULL``, and wagtail-localize keeps the texts of deleted pages.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import get_language_info
from wagtail import hooks
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page, PageLogEntry, ReferenceIndex, Site
from wagtail_localize.models import String, StringSegment

from csti_cms.core.centre_log import CentreLogEntry
from csti_cms.core.hooks import CENTRE_RECORDS

#: The action of the site history entry a removed centre leaves (see ``wagtail_hooks``).
CENTRE_REMOVED = "csti_core.remove_centre"
#: Below every database's limit of parameters in one query (999 on old SQLite).
IDS_PER_QUERY = 500


@dataclass(frozen=True)
class CentreContents:
    """What belongs to one centre alone: what :func:`remove_centre` removes."""

    site: Site
    pages: dict = field(default_factory=dict)  # {language code: pages in that language}
    records: dict = field(default_factory=dict)  # {model: rows}, models with rows only
    history: int = 0  # admin history entries of its pages, site and records
    own_images: int = 0  # images only its pages show, which stay

    def kinds(self):
        """``(kind, count)`` pairs to tell an operator, pages first, one per language."""
        pages = [(_kind_of_pages(code, count), count) for code, count in self.pages.items()]
        records = [(_kind_of_record(model, count), count) for model, count in self.records.items()]
        history = [("admin history entries", self.history)] if self.history else []
        return [*pages, *records, *history]


def _kind_of_pages(code, count):
    """``page in Dutch``, ``pages in French``: the language's English name, as the command
    speaks English."""
    try:
        language = get_language_info(code)["name"]
    except KeyError:
        language = code
    return f"{'page' if count == 1 else 'pages'} in {language}"


def _kind_of_record(model, count):
    """``booking requests (csti_schools.BookingRequest)``, ``settings: branding (...)``."""
    if issubclass(model, BaseSiteSetting):
        return f"settings: {model._meta.verbose_name} ({model._meta.label})"
    name = model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
    return f"{name} ({model._meta.label})"


def centre_contents(site):
    """Count what :func:`remove_centre` would remove of ``site``'s centre, changing nothing."""
    pages = _centre_pages(site)
    languages = Counter(pages.values_list("locale__language_code", flat=True))
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    by_language = dict(sorted(languages.items(), key=lambda item: _position(order, item[0])))
    records = {}
    for model, rows in _centre_records(site, pages):
        count = rows.count()
        if count:
            records[model] = records.get(model, 0) + count
    history = sum(entries.count() for entries in _centre_history(site, pages))
    return CentreContents(
        site=site,
        pages=by_language,
        records=records,
        history=history,
        own_images=_images_of_pages_alone(pages),
    )


def _images_of_pages_alone(pages):
    """How many images ``pages`` show that nothing else does (Wagtail's reference index):
    they stay after the removal, for the operator to review."""
    image_type = ReferenceIndex._get_base_content_type(get_image_model())
    to_images = ReferenceIndex.objects.filter(to_content_type=image_type)
    of_pages = Q(
        base_content_type=ReferenceIndex._get_base_content_type(Page),
        object_id__in=pages.annotate(object_id_text=Cast("pk", CharField())).values(
            "object_id_text"
        ),
    )
    shown = set(to_images.filter(of_pages).values_list("to_object_id", flat=True))
    elsewhere = to_images.filter(to_object_id__in=shown).exclude(of_pages)
    return len(shown - set(elsewhere.values_list("to_object_id", flat=True)))


@transaction.atomic
def remove_centre(site, user=None):
    """Remove ``site`` and everything that belongs to its centre alone, in one transaction.

    Goes: its home pages in every language with all their descendants (deleted as
    Wagtail deletes a page, so the search index, the reference index and
    wagtail-localize's translation records follow) and the texts wagtail-localize
    extracted from them; the site, its settings, plugin switches, visitors' requests,
    memberships, redirects, group permissions and any third-party row tied to the site;
    the form submissions and endorsements of its pages; and the admin history of all
    those (its pages' titles and editors in Site history, the entries of
    :mod:`csti_cms.core.centre_log`, which name visitors).
    What every centre shares stays: images, documents, collections, users, groups and
    the lists editors choose from (venues, categories, networks...).

    Returns what was removed (:class:`CentreContents`) and leaves one entry in the
    site history naming the centre and its host.
    """
    refuse_removing(site)
    contents = centre_contents(site)
    homes = _centre_homes(site)
    pages = _centre_pages(site)
    string_ids = _centre_strings(site, pages)
    page_ids = list(pages.values_list("pk", flat=True))
    for entries in _centre_history(site, pages):
        entries.delete()
    _log_removal(site, user)
    for _model, rows in _centre_records(site, pages):
        rows.delete()
    # Deleted before its home, which would take it along (``Site.root_page`` cascades).
    Site.objects.filter(pk=site.pk).delete()
    for home in homes:
        home.delete(user=user)
    _forget_pages_history(page_ids)  # with the entries their deletion has just written
    _forget_strings(string_ids)
    return contents


def refuse_removing(site):
    """Refuse what would leave the install without a site to answer, changing nothing."""
    name = site.site_name or site.hostname
    others = Site.objects.exclude(pk=site.pk)
    if not others.exists():
        raise ValidationError(
            f"{name} ({site.hostname}) is the only site of this install: removing it would "
            "leave no site to answer visitors."
        )
    if site.is_default_site:
        raise ValidationError(
            f"{name} ({site.hostname}) is the default site. In Settings → Sites, untick "
            "'Is default site' on it first, then tick it on another site (Wagtail allows one "
            "default at a time); then remove this one."
        )
    nested = others.filter(root_page__in=_centre_pages(site))
    if nested.exists():
        hosts = ", ".join(nested.values_list("hostname", flat=True))
        raise ValidationError(
            f"The pages of {name} hold the home of another site ({hosts}): move it out first."
        )


def _centre_homes(site):
    """The centre's home page in every language (its translations), as their own types."""
    home = site.root_page
    return [home.specific, *(page.specific for page in home.get_translations())]


def _centre_pages(site):
    """The centre's homes in every language and all their descendants, as one query."""
    within = Q()
    for home in _centre_homes(site):
        within |= Q(path__startswith=home.path)
    return Page.objects.filter(within)


def _centre_records(site, pages):
    """``(model, queryset)`` of every row that belongs to the centre, pages apart.

    The rows tied to the site are found from the app registry, so a plugin's or a third
    party's go too whatever their ``on_delete``: a request's ``SET_NULL`` would
    otherwise keep its visitor's details, with no site to list them under. Then the
    visitors' records kept on the centre's pages, which Wagtail would delete with them.
    """
    for model, site_field in _models_tied_to_sites():
        yield model, model._default_manager.filter(**{site_field: site})
    for model, page_field in _records_of_pages():
        yield model, model._default_manager.filter(**{f"{page_field}__in": pages})


def _models_tied_to_sites():
    """``(model, field name)`` of every foreign key or one-to-one field to a Wagtail site."""
    return [
        (model, model_field.name)
        for model in apps.get_models()
        for model_field in model._meta.get_fields()
        if _points_to(model_field, Site) and model_field.model is model
    ]


def _records_of_pages():
    """``(model, field name)`` of the visitors' records kept on a page: Wagtail's form
    submissions, and what apps and plugins declare (the ``csti_centre_records`` hook)."""
    found = [(FormSubmission, "page")]
    for declared in hooks.get_hooks(CENTRE_RECORDS):
        found.extend(declared())
    return found


def _points_to(model_field, target):
    return (
        model_field.concrete
        and (model_field.many_to_one or model_field.one_to_one)
        and model_field.related_model is target
    )


def _centre_history(site, pages):
    """The admin history of the centre, as querysets: its pages' entries in Site history
    (their titles, their editors' names), its site's, settings' and records' (a request's
    school, an endorsement's organisation), the entry of a removal apart."""
    yield PageLogEntry.objects.filter(page_id__in=pages.values("pk"))
    site_rows = Site.objects.filter(pk=site.pk)
    for model, rows in [(Site, site_rows), *_centre_records(site, pages)]:
        yield from _history_of_records(model, rows)


def _history_of_records(model, rows):
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    ids = rows.annotate(object_id_text=Cast("pk", CharField())).values("object_id_text")
    for log_model in apps.get_models():
        if log_model is ModelLogEntry or issubclass(log_model, CentreLogEntry):
            entries = log_model.objects.filter(content_type=content_type, object_id__in=ids)
            yield entries.exclude(action=CENTRE_REMOVED)


def _forget_pages_history(page_ids):
    """Delete the Site history of the deleted pages, by their ids: the pages are gone."""
    for start in range(0, len(page_ids), IDS_PER_QUERY):
        PageLogEntry.objects.filter(page_id__in=page_ids[start : start + IDS_PER_QUERY]).delete()


def _centre_strings(site, pages):
    """The ids of the texts wagtail-localize extracted from the centre's pages and records."""
    sources = [pages.values("translation_key")]
    for model, rows in _centre_records(site, pages):
        if any(model_field.name == "translation_key" for model_field in model._meta.fields):
            sources.append(rows.values("translation_key"))
    ids = set()
    for keys in sources:
        segments = StringSegment.objects.filter(source__object_id__in=keys)
        ids.update(segments.values_list("string_id", flat=True))
    return list(ids)


def _forget_strings(string_ids):
    """Delete the centre's texts no other page or record holds, with their translations.

    wagtail-localize deletes the sources, segments and translation jobs of each deleted
    page or record, but keeps the texts themselves: the leaving centre's pages would
    stay in the database, word for word, in every language. A text another centre's
    page holds too keeps its segment there, and stays.
    """
    for start in range(0, len(string_ids), IDS_PER_QUERY):
        chunk = string_ids[start : start + IDS_PER_QUERY]
        String.objects.filter(pk__in=chunk, segments__isnull=True).delete()


def _log_removal(site, user):
    """One entry in the site history: the site itself leaves none to read it on."""
    name = site.site_name or site.hostname
    log(
        instance=site,
        action=CENTRE_REMOVED,
        user=user,
        title=f"{name} ({site.hostname})",
        data={"centre": name, "host": site.hostname, "port": site.port},
        deleted=True,
    )


def _position(order, code):
    return order.index(code) if code in order else len(order)
