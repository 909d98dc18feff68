"""Load a centre's demo content, in every language, from a content file.

The file format is described in ``fixtures/demo/README.md``. French pages are
created first; the Dutch and English versions are made through wagtail-localize,
exactly as a translator's work would be stored, so editors can open each
translation in the translation editor afterwards.

Loading never overwrites what exists: a page, image or document already present
(an editor may have changed it) is left alone, so the command is safe to re-run.
"""

import json
import logging
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.files.base import File
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, TranslatableMixin

from csti_cms.core.centres import is_wagtail_welcome_page
from csti_cms.core.hooks import DEMO_CONTENT
from csti_cms.core.models import BrandingSettings, ContactSettings

from .demo_translation import translate_page

logger = logging.getLogger(__name__)

NAMESPACE = uuid.UUID("6f1d2c55-0c8e-4f63-9a5f-2f6f1b1c0d3e")
SOURCE_LANGUAGE = "fr"
COLLECTION_NAME = "Demo content"

#: ``fn(loader, instance)``, called once the loader has set the fields of a page or
#: snippet from the content file and before it is saved: an app moves dates its demo
#: content computed from ``loader.today`` (the centre's opening hours keep the demo
#: agenda off the days the demo centre is closed). The core knows no agenda or hours.
DEMO_DATES = "csti_demo_dates"


class ContentFileError(ValueError):
    """The content file is not what the loader expects; the message says where."""


def stable_uuid(*parts):
    return uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts))


def is_translatable(value):
    return isinstance(value, dict) and set(value) == {"fr", "nl", "en"}


RELATIVE_DATE = re.compile(
    r"^(?P<offset>[+-]\d+)(?P<unit>[dw])(?::(?P<weekday>mon|tue|wed|thu|fri|sat|sun))?"
    r"(?: (?P<time>\d{1,2}:\d{2}))?$"
)
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def relative_date(text, today):
    """A date given relative to the day the content is loaded, so demo dates stay current.

    ``+14d`` is in fourteen days, ``-3d`` three days ago; ``+2w:wed`` is the Wednesday
    of the week two weeks from now (weeks start on Monday), ``+10d:sat`` the first
    Saturday from ten days on. A time may follow: ``+14d 19:30``. Returns a date,
    or a (naive) datetime when a time is given; other text is returned unchanged.
    """
    match = RELATIVE_DATE.match(text) if isinstance(text, str) else None
    if match is None:
        return text
    offset, weekday = int(match["offset"]), match["weekday"]
    if match["unit"] == "w":
        day = today + timedelta(weeks=offset)
        if weekday:
            day += timedelta(days=WEEKDAYS.index(weekday) - day.weekday())
    else:
        day = today + timedelta(days=offset)
        if weekday:
            day += timedelta(days=(WEEKDAYS.index(weekday) - day.weekday()) % 7)
    if match["time"]:
        return datetime.combine(day, datetime.strptime(match["time"], "%H:%M").time())
    return day


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    kept: list = field(default_factory=list)

    def add(self, created, label):
        (self.created if created else self.kept).append(label)


class DemoContentLoader:
    def __init__(self, directory, site=None, stdout=None, today=None):
        self.directory = Path(directory)
        self.content = self._read_all(self.directory)
        self.site = site
        self.refs = {"image": {}, "document": {}, "page": {}, "snippet": {}}
        # Tests load the demo as it would be on a given day (a week before Christmas...).
        self.today = today or timezone.localdate()
        self.report = LoadReport()
        self.languages = ["fr", "nl", "en"]

    #: Lists that extra content files add to; the site's branding and contact
    #: details come from content.json only.
    MERGED_LISTS = ("images", "documents", "snippets", "pages")

    @classmethod
    def _read_all(cls, directory):
        """content.json, then every other ``*.json`` of the folder in name order.

        Each area of the demo (audiences, agenda, schools...) keeps its content in a
        file of its own; later files may refer to pages and media of earlier ones.
        """
        content = cls._read(directory / "content.json")
        for extra in sorted(directory.glob("*.json")):
            if extra.name == "content.json":
                continue
            more = cls._read(extra)
            unknown = set(more) - set(cls.MERGED_LISTS)
            if unknown:
                raise ContentFileError(
                    f"{extra.name}: only {', '.join(cls.MERGED_LISTS)} may be given here, "
                    f"not {', '.join(sorted(unknown))}"
                )
            for name in cls.MERGED_LISTS:
                content.setdefault(name, []).extend(more.get(name, []))
        return content

    @staticmethod
    def _read(path):
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ContentFileError(f"No content file at {path}.") from None
        except json.JSONDecodeError as error:
            raise ContentFileError(f"{path} is not valid JSON: {error}") from None

    @transaction.atomic
    def load(self):
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in self.languages
        }
        collection = self._collection()
        for spec in self.content.get("images", []):
            self._load_image(spec, collection)
        for spec in self.content.get("documents", []):
            self._load_document(spec, collection)
        for spec in self.content.get("snippets", []):
            self._load_snippet(spec)
        new_pages = self._create_source_pages()
        for page, spec in new_pages:
            self._fill_and_publish(page, spec)
        self._point_site_at_home()
        self._keep_site_snippets_on_demo_site()
        for spec in self.content["pages"]:
            self._translate(spec)
        self._load_settings()
        for contribute in hooks.get_hooks(DEMO_CONTENT):
            contribute(self)
        return self.report

    # Media -------------------------------------------------------------------

    def _collection(self):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=COLLECTION_NAME).first()
        return existing or root.add_child(name=COLLECTION_NAME)

    def _load_image(self, spec, collection):
        model = get_image_model()
        image = model.objects.filter(collection=collection, title=spec["title"]).first()
        created = image is None
        if created:
            with open(self._file(spec), "rb") as handle:
                image = model(title=spec["title"], collection=collection)
                image.file = ImageFile(handle, name=Path(spec["file"]).name)
                # As the admin's upload form does: the hash finds duplicate uploads.
                image._set_image_file_metadata()
                image.save()
        self.refs["image"][spec["key"]] = image
        self.report.add(created, f"image {spec['title']}")

    def _load_document(self, spec, collection):
        model = get_document_model()
        title = self._text(spec["title"], SOURCE_LANGUAGE)
        document = model.objects.filter(collection=collection, title=title).first()
        created = document is None
        if created:
            with open(self._file(spec), "rb") as handle:
                document = model(title=title, collection=collection)
                document.file = File(handle, name=Path(spec["file"]).name)
                # As the admin's upload form does: the hash is the download's ETag.
                document._set_document_file_metadata()
                document.save()
        self.refs["document"][spec["key"]] = document
        self.report.add(created, f"document {title}")

    # Snippets ----------------------------------------------------------------

    def _load_snippet(self, spec):
        """A translatable snippet (event category, venue...) in every language."""
        model = self._model(spec)
        if not issubclass(model, TranslatableMixin):
            raise ContentFileError(f"{spec['key']}: {spec['type']} is not translatable")
        translation_key = stable_uuid("snippet", spec["key"])
        source = model.objects.filter(
            translation_key=translation_key, locale=self.locales[SOURCE_LANGUAGE]
        ).first()
        created = source is None
        if created:
            source = model(translation_key=translation_key, locale=self.locales[SOURCE_LANGUAGE])
            self.apply_fields(source, spec, SOURCE_LANGUAGE)
            source.full_clean()
            source.save()
        self.refs["snippet"][spec["key"]] = source
        self.report.add(created, f"snippet {spec['key']} ({SOURCE_LANGUAGE})")
        for language in self.languages:
            if language == SOURCE_LANGUAGE:
                continue
            if model.objects.filter(
                translation_key=translation_key, locale=self.locales[language]
            ).exists():
                self.report.add(False, f"snippet {spec['key']} ({language})")
                continue
            target = model(locale=self.locales[language])
            self.apply_fields(target, spec, language)
            translate_page(source, target, self.locales[language])
            self.report.add(True, f"snippet {spec['key']} ({language})")

    def _file(self, spec):
        path = self.directory / spec["file"]
        if not path.is_file():
            raise ContentFileError(f"{spec['key']}: missing file {path}")
        return path

    # Pages -------------------------------------------------------------------

    def _create_source_pages(self):
        """Create the French pages that do not exist yet, parents before children."""
        new_pages = []
        root = Page.get_first_root_node()
        for spec in self.content["pages"]:
            key = spec["key"]
            translation_key = stable_uuid("page", key)
            page = Page.objects.filter(
                translation_key=translation_key, locale=self.locales[SOURCE_LANGUAGE]
            ).first()
            created = page is None
            if created:
                model = self._page_model(spec)
                parent = root if spec["parent"] is None else self._page(spec["parent"])
                page = model(
                    translation_key=translation_key,
                    locale=self.locales[SOURCE_LANGUAGE],
                    title=self._text(spec["fields"]["title"], SOURCE_LANGUAGE),
                    slug=self._text(spec["fields"]["slug"], SOURCE_LANGUAGE),
                    live=False,
                )
                parent.add_child(instance=page)
                new_pages.append((page, spec))
            self.refs["page"][key] = page
            self.report.add(created, f"page {key} ({SOURCE_LANGUAGE})")
        return new_pages

    def _page_model(self, spec):
        return self._model(spec)

    def _model(self, spec):
        try:
            return apps.get_model(spec["type"])
        except (LookupError, ValueError):
            raise ContentFileError(f"{spec['key']}: unknown type {spec['type']!r}") from None

    def _page(self, key):
        try:
            return self.refs["page"][key]
        except KeyError:
            raise ContentFileError(f"page {key!r} is used before it is defined") from None

    def _fill_and_publish(self, page, spec):
        page = page.specific
        self.apply_fields(page, spec, SOURCE_LANGUAGE)
        page.full_clean()
        page.save_revision().publish()

    # What plugins' demo content (the ``csti_demo_content`` hook) builds with ----------------

    def ensure_page(self, model, parent, spec, prepare=None):
        """The French page of ``spec`` under ``parent``, with its translations, made where missing.

        ``spec`` is a page as in the content file; its ``key`` names it across loads, so
        a plugin prefixes its keys with its label. ``prepare(page, language)`` completes a
        page before it is saved or translated (child rows, streams built in code).
        """
        translation_key = stable_uuid("page", spec["key"])
        source_locale = self.locales[SOURCE_LANGUAGE]
        page = Page.objects.filter(translation_key=translation_key, locale=source_locale).first()
        created = page is None
        if created:
            page = model(translation_key=translation_key, locale=source_locale)
            self.apply_fields(page, spec, SOURCE_LANGUAGE)
            if prepare:
                prepare(page, SOURCE_LANGUAGE)
            parent.add_child(instance=page)
            page.full_clean()
            page.save_revision().publish()
        page = page.specific
        self.report.add(created, f"page {spec['key']} ({SOURCE_LANGUAGE})")
        for language in self.languages:
            if language == SOURCE_LANGUAGE:
                continue
            locale = self.locales[language]
            exists = page.get_translations().filter(locale=locale).exists()
            if not exists:
                target = model(locale=locale)
                self.apply_fields(target, spec, language)
                if prepare:
                    prepare(target, language)
                translate_page(page, target, locale)
            self.report.add(not exists, f"page {spec['key']} ({language})")
        return page

    def ensure_translated(self, model, spec):
        """The French row of a translatable model (a snippet) with its translations.

        As :meth:`ensure_page`, for models that are not pages.
        """
        translation_key = stable_uuid("snippet", spec["key"])
        source_locale = self.locales[SOURCE_LANGUAGE]
        label = model._meta.model_name
        source = model.objects.filter(translation_key=translation_key, locale=source_locale).first()
        created = source is None
        if created:
            source = model(translation_key=translation_key, locale=source_locale)
            self.apply_fields(source, spec, SOURCE_LANGUAGE)
            source.full_clean()
            source.save()
        self.report.add(created, f"{label} {spec['key']} ({SOURCE_LANGUAGE})")
        for language in self.languages:
            if language == SOURCE_LANGUAGE:
                continue
            locale = self.locales[language]
            exists = model.objects.filter(translation_key=translation_key, locale=locale).exists()
            if not exists:
                target = model(locale=locale)
                self.apply_fields(target, spec, language)
                translate_page(source, target, locale)
            self.report.add(not exists, f"{label} {spec['key']} ({language})")
        return source

    def apply_fields(self, page, spec, language):
        """Set the fields and body of ``page`` from ``spec`` in ``language``."""
        for name, value in spec["fields"].items():
            model_field = page._meta.get_field(name)
            if model_field.one_to_many:
                # Inline child objects (dates of an event...): a list of field dicts.
                child = model_field.related_model
                value = [
                    child(
                        **{
                            key: self.field_value(child, key, v, language)
                            for key, v in item.items()
                        }
                    )
                    for item in value
                ]
                setattr(page, name, value)
                continue
            resolved = self.field_value(type(page), name, value, language)
            if model_field.is_relation and not model_field.many_to_many:
                name = model_field.attname
                resolved = resolved.pk if resolved is not None else None
            setattr(page, name, resolved)
        if "body" in spec:
            # Cleaning validates the content like the editor would, and turns values
            # left out of the file into the empty values the editor stores.
            block = page._meta.get_field("body").stream_block
            raw = self.stream(spec["body"], language, ("page", spec["key"], "body"))
            page.body = block.clean(block.to_python(raw))
        for move_dates in hooks.get_hooks(DEMO_DATES):
            move_dates(self, page)

    def field_value(self, model, name, value, language):
        """The value of one model field: translated, references resolved, dates made real."""
        model_field = model._meta.get_field(name)
        if model_field.many_to_many:
            return [self.resolve(item, language) for item in value]
        resolved = self.resolve(value, language)
        if isinstance(model_field, models.DateField):
            resolved = relative_date(resolved, self.today)
            if isinstance(model_field, models.DateTimeField) and isinstance(resolved, datetime):
                resolved = timezone.make_aware(resolved)
        if model_field.concrete and not model_field.is_relation and resolved is not None:
            # Typed values ("14:00", "8.50") for objects that are saved without cleaning.
            resolved = model_field.to_python(resolved)
        return resolved

    def stream(self, blocks, language, path):
        return [
            {
                "type": block["type"],
                "value": self.resolve(block["value"], language, (*path, index)),
                "id": str(stable_uuid(*path, index)),
            }
            for index, block in enumerate(blocks)
        ]

    def resolve(self, value, language, path=()):
        """Pick ``language`` from translatable values and turn references into objects.

        Inside a StreamField, references become primary keys and lists become
        ListBlock items with stable ids, so that the same block has the same id in
        every language: wagtail-localize aligns the translations by those ids.
        """
        if is_translatable(value):
            return value[language]
        if isinstance(value, str) and ":" in value.split(" ")[0]:
            kind, _, key = value.partition(":")
            if kind in self.refs:
                try:
                    target = self.refs[kind][key]
                except KeyError:
                    raise ContentFileError(f"{'/'.join(map(str, path))}: unknown {value}") from None
                return target.pk if path else target
        if isinstance(value, dict):
            return {
                k: self.resolve(v, language, (*path, k) if path else ()) for k, v in value.items()
            }
        if isinstance(value, list) and path:
            return [
                {
                    "type": "item",
                    "value": self.resolve(item, language, (*path, i)),
                    "id": str(stable_uuid(*path, i)),
                }
                for i, item in enumerate(value)
            ]
        return value

    @staticmethod
    def _text(value, language):
        return value[language] if is_translatable(value) else value

    def _point_site_at_home(self):
        home = next(
            self.refs["page"][spec["key"]]
            for spec in self.content["pages"]
            if spec["parent"] is None
        )
        site = self.site or Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True)
        elif site.root_page_id == home.pk:
            self.site = site
            return
        previous = site.root_page if site.pk else None
        # The demo site answers where it is served, so its absolute URLs
        # (sitemap, canonical links) are right out of the box.
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = base_url.hostname or "localhost"
        site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
        site.root_page = home
        site.site_name = self.content["branding"]["centre_name"]
        site.save()
        if previous is not None and is_wagtail_welcome_page(previous):
            previous.delete()
        self.site = site

    def _keep_site_snippets_on_demo_site(self):
        """Snippets that belong to a site (ticket prices) belong to the demo's, in every language.

        Left without a site, they would show on every centre of the install: a centre added
        next to the demo would list Curiosa's prices. Loaded before the site exists, they get
        it here; running the loader again also moves those an older version left site-less.
        """
        for spec in self.content.get("snippets", []):
            model = self._model(spec)
            if "site" in spec["fields"] or "site" not in {f.name for f in model._meta.fields}:
                continue
            model.objects.filter(
                translation_key=stable_uuid("snippet", spec["key"]), site__isnull=True
            ).update(site=self.site)

    def _translate(self, spec):
        source = self.refs["page"][spec["key"]].specific
        for language in self.languages:
            if language == SOURCE_LANGUAGE:
                continue
            if source.get_translations().filter(locale=self.locales[language]).exists():
                self.report.add(False, f"page {spec['key']} ({language})")
                continue
            target = type(source)(locale=self.locales[language])
            self.apply_fields(target, spec, language)
            translate_page(source, target, self.locales[language])
            self.report.add(True, f"page {spec['key']} ({language})")

    # Settings ----------------------------------------------------------------

    def _load_settings(self):
        self._site_setting(BrandingSettings, self.content.get("branding", {}))
        self._site_setting(ContactSettings, self.content.get("contact", {}))
        # Other apps' settings (who is told of booking and quote requests), by model label:
        # the loader knows no app's models but its own.
        for label, values in self.content.get("site_settings", {}).items():
            self._site_setting(apps.get_model(label), values)

    def _site_setting(self, model: type[BaseSiteSetting], values):
        instance, created = model.objects.get_or_create(site=self.site)
        if not created:
            self.report.add(False, f"settings {model._meta.verbose_name}")
            return
        for name, value in values.items():
            value = self.resolve(value, SOURCE_LANGUAGE)
            if name == "social_links":
                value = [{"type": "link", "value": link} for link in value]
            setattr(instance, name, value)
        instance.full_clean()
        instance.save()
        self.report.add(True, f"settings {model._meta.verbose_name}")
