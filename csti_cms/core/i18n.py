"""Where each language version of the current page lives.

Used by the language switcher and the ``hreflang`` links. A visitor who picks a
language always lands somewhere: on the translation of the page when it exists
and is live, otherwise on that language's home page, never on a 404.
"""

from dataclasses import dataclass
from urllib.parse import urlencode, urlunsplit

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin

from csti_cms.core.caching import cached
from csti_cms.core.hooks import public_pages
from csti_cms.core.routes import reverse_route


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    #: True when the page itself exists in this language (not a fallback to home).
    is_translation: bool
    is_current: bool
    #: False when that version asks visitors to log in or for a password: the switcher
    #: offers it, but search engines are not sent there.
    is_public: bool = True
    #: The query the view keeps when the visitor switches language (filters the visitor
    #: chose, a page number of a list the same in every language: see
    #: :func:`switch_query`), which ``url``, the version's address for search engines
    #: too, leaves out.
    kept_query: str = ""

    @property
    def switch_url(self):
        """Where the language switcher sends the visitor: ``url``, at the same place."""
        if not self.kept_query:
            return self.url
        return f"{self.url}{'&' if '?' in self.url else '?'}{self.kept_query}"

    @property
    def cookie(self):
        """The language cookie choosing this version's language, as ``document.cookie`` takes it.

        The switcher's script (``csti_cms/js/language-choice.js``) sets it when the visitor
        follows the link, so "/" later sends them back to the language they chose
        (:func:`csti_cms.core.middleware.language_for_visitor`). The browser sets it, not the
        response: pages come from the page cache, which must never hand one visitor's cookie
        to another, nor stop caching for every visitor who switches. Written from Django's
        ``LANGUAGE_COOKIE_*`` settings, as its own ``set_language`` view would set it.
        """
        parts = [
            f"{settings.LANGUAGE_COOKIE_NAME}={self.code}",
            f"path={settings.LANGUAGE_COOKIE_PATH}",
        ]
        if settings.LANGUAGE_COOKIE_AGE is not None:
            parts.append(f"max-age={settings.LANGUAGE_COOKIE_AGE}")
        if settings.LANGUAGE_COOKIE_DOMAIN:
            parts.append(f"domain={settings.LANGUAGE_COOKIE_DOMAIN}")
        if settings.LANGUAGE_COOKIE_SECURE:
            parts.append("secure")
        if settings.LANGUAGE_COOKIE_SAMESITE:
            parts.append(f"samesite={settings.LANGUAGE_COOKIE_SAMESITE}")
        return "; ".join(parts)


def live_translations(request, page):
    """The live versions of ``page`` in every locale, by language code.

    One query per page and request: the home page is both the current page and
    the site root on the home page itself. Private pages are included on purpose:
    they are offered like the source page is, and ask visitors to log in the same way.
    """
    return _read_translations(request, [page])[page.translation_key]


def _read_translations(request, pages):
    """The live versions of each of ``pages`` by translation key, read together.

    Kept on the request, so the language switcher, hreflang links and the menu's
    home lookups share one query.
    """
    cache = request.__dict__.setdefault("_csti_translations", {})
    missing = {page.translation_key for page in pages} - cache.keys()
    if missing:
        versions = (
            Page.objects.filter(translation_key__in=missing)
            .live()
            .select_related("locale")
            .only(*TRANSLATION_FIELDS)
        )
        for key in missing:
            cache[key] = {}
        for version in versions:
            cache[version.translation_key][version.locale.language_code] = version
    return cache


#: What a language version needs of a page: its address and title.
TRANSLATION_FIELDS = (
    "id",
    "url_path",
    "path",
    "depth",
    "numchild",
    "title",
    "locale__language_code",
    "translation_key",
)


def site_homes(request):
    """The live home page of the request's site in each language, cached per request."""
    site = Site.find_for_request(request)
    return live_translations(request, site.root_page) if site else {}


def language_versions(request, page=None):
    """A :class:`LanguageVersion` per site language, in the order of ``LANGUAGES``.

    A language in which the site has no live home page is left out, as there is
    nowhere to send the visitor: its addresses answer 404.
    """
    current = get_language()
    site = Site.find_for_request(request)
    if site is not None and page is not None and page.pk:
        _read_translations(request, [page, site.root_page])
    translations = live_translations(request, page) if page is not None and page.pk else {}
    homes = site_homes(request)
    restricted = tuple(restricted_paths()) if translations else ()
    result = []
    for code, name in settings.LANGUAGES:
        if code not in homes:
            continue
        is_public = True
        if code in translations:
            url, is_translation = version_url(request, page, translations[code]), True
            is_public = not translations[code].path.startswith(restricted)
        elif page is None:
            url, is_translation = translate_url(_pageless_path(request), code), True
        else:
            url, is_translation = homes[code].get_url(request), False
        kept = switch_query(request, page, translations.get(code)) if is_translation else ""
        result.append(
            LanguageVersion(code, name, url, is_translation, code == current, is_public, kept)
        )
    return result


def keep_on_language_switch(request, **parameters):
    """Note query ``parameters`` that mean the same in every language and only move the
    visitor within the view (page 2 of endorsers listed alike in every language): the
    language switcher carries them, so the visitor lands on the same page.

    Only the switcher: ``hreflang`` and canonical addresses stay the view's own (see
    :func:`canonical_url`), as search engines should file page 1. A list that differs
    from one language to the next (search results, a hub's pages) keeps none: its page 3
    is no page 3 of the other language (see :func:`show_query`).
    """
    request._csti_kept_query = {name: value for name, value in parameters.items() if value}


def switch_query(request, page=None, translation=None):
    """The query the language switcher carries to ``translation`` of ``page``, never
    ``hreflang`` nor the canonical address, which name each version's own address.

    A page type whose visitors choose what it shows (an agenda's filters, the spaces
    ticked in a quote form) carries their choice, translated, with a
    ``language_switch_query(request, translation)`` method returning ``(name, value)``
    pairs; then come the parameters its view keeps (:func:`keep_on_language_switch`).
    """
    carried = getattr(page, "language_switch_query", None)
    chosen = list(carried(request, translation)) if carried and translation else []
    return urlencode([*chosen, *getattr(request, "_csti_kept_query", {}).items()])


def show_query(request, **parameters):
    """Note the query ``parameters`` that say what a view that is no page shows, as it read
    them: its language versions and canonical address carry these alone.

    The raw query string may hold anything a link added (``utm_source``, an overlong
    query the view cut), which search engines would file as other addresses. The page
    number is no such parameter: page 3 of the French results is no page of the Dutch
    ones, so each language version starts at the first.
    """
    request._csti_shown_query = {name: value for name, value in parameters.items() if value}


def _pageless_path(request):
    """The request's path, with the query its view said it shows (:func:`show_query`)."""
    query = urlencode(getattr(request, "_csti_shown_query", {}))
    return urlunsplit(("", "", request.path, query, ""))


def version_url(request, page, translation):
    """Where ``translation`` shows what the visitor sees of ``page``.

    A routable page (an agenda's calendar month, its archive) serves several views at
    sub-routes: a visitor switching language expects the same view, not the page's
    root. A page type may refine this with a ``language_version_url(request, translation)``
    method; what the visitor chose there is carried by :func:`switch_query`, as
    search engines are sent to this address.
    """
    own = getattr(page, "language_version_url", None)
    if own is not None:
        return own(request, translation)
    if isinstance(page, RoutablePageMixin):
        return same_route_url(request, page, translation)
    return translation.get_url(request)


def same_route_url(request, page, translation):
    """The address of the sub-route the request shows of routable ``page``, on ``translation``.

    Translations share the page's type, so the route the request resolved to is
    reversed the same way, as the translation spells it in its own language.
    """
    url = translation.get_url(request)
    match = getattr(request, "routable_resolver_match", None)
    if url is None or match is None or not match.url_name:
        return url
    language = translation.locale.language_code
    return url + reverse_route(type(page), language, match.url_name, match.args, match.kwargs)


def canonical_url(request, page=None, versions=()):
    """The absolute address search engines should file what the request shows under.

    It names the same address as the current language's ``hreflang`` link, which
    search engines require of the two. A page's sub-route (an agenda's calendar, a
    booking form) is a view of its own, so its canonical address is the page's with
    the route as the page's language spells it: the English spelling older links use
    is filed under that one. Filters and page numbers in the query are left out, as
    they only narrow or cut the same view.

    A view that is no page (the search) is what its query asks for: its address is
    its current language version's (see :func:`_pageless_path`).

    An alias (a page kept the same as another, placed elsewhere: in another centre's
    agenda, another index) is filed under its original's address, even on another
    centre's site: search engines would otherwise find the same page twice and choose
    one themselves (see :func:`original_of`).
    """
    if page is None:
        current = next((v for v in versions if v.is_current and v.is_translation), None)
        return request.build_absolute_uri(current.url if current else request.path)
    original = original_of(page)
    url = original.get_url(request) if original is not page else None
    if url is None:
        url = page.get_url(request)
    if url is None:
        return None
    match = getattr(request, "routable_resolver_match", None)
    if isinstance(page, RoutablePageMixin) and match is not None and match.url_name:
        url += page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
    return request.build_absolute_uri(url)


def original_of(page):
    """The page ``page`` is an alias of, or ``page`` itself when it is none.

    An alias of an alias names the alias it was made from: followed to the end, one
    query a step, on the rare pages that are aliases only.
    """
    original = page
    seen = {page.pk}
    while original.alias_of_id and original.alias_of_id not in seen:
        seen.add(original.alias_of_id)
        original = original.alias_of
    return original


#: The largest page id (Wagtail's ``AutoField``): a larger one in a query string names
#: no page, and the database would refuse to compare with it.
LARGEST_ID = 2**31 - 1


def page_ids(values):
    """The page ids among query parameter ``values``, in order; anything else is ignored.

    A visitor can type anything there: a value that is no id, or one too long to be
    one (Python refuses to read integers of thousands of digits), names no page.
    """
    for value in values:
        if value.isascii() and value.isdigit() and len(value) <= len(str(LARGEST_ID)):
            pk = int(value)
            if 0 < pk <= LARGEST_ID:
                yield pk


def translated_page_ids(request, ids):
    """``{language code: {id: id of its live translation}}`` for the page ``ids``.

    For pages a view's query names by id (the spaces ticked in a quote form), so the
    language switcher can carry them as their translations in each language. Read in
    one query, kept on the request with the ids asked for: the switcher asks once
    for each language. An id that names no live page maps to nothing.
    """
    ids = frozenset(ids)
    cache = request.__dict__.setdefault("_csti_translated_ids", {})
    if ids not in cache:
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        rows = list(
            Page.objects.filter(translation_key__in=keys, live=True).values_list(
                "pk", "translation_key", "locale__language_code"
            )
        )
        key_of = {pk: key for pk, key, _code in rows if pk in ids}
        by_key = {(key, code): pk for pk, key, code in rows}
        cache[ids] = {
            code: {pk: by_key[key_of[pk], code] for pk in ids if (key_of.get(pk), code) in by_key}
            for code, _name in settings.LANGUAGES
        }
    return cache[ids]


def hreflang_links(request, versions, page=None):
    """``(hreflang, absolute url)`` pairs for the versions that really exist and are public.

    ``x-default`` points to the version in the site's own language (:func:`site_language`)
    when there is one, so search engines send visitors with no matching language where "/"
    sends them (:func:`csti_cms.core.middleware.language_for_visitor`). A version behind a
    login or a password is left out: its address, which often repeats its title, is
    for the visitors it was shared with, not for search engines. An alias (``page``) has
    none: its canonical address is its original's (:func:`canonical_url`), and language
    links from a page that is not canonical are ignored by search engines, or flagged.
    """
    if page is not None and page.alias_of_id:
        return []
    links = [
        (v.code, request.build_absolute_uri(v.url))
        for v in versions
        if v.is_translation and v.is_public
    ]
    by_code = dict(links)
    default = x_default_language(Site.find_for_request(request), by_code)
    if default:
        links.append(("x-default", by_code[default]))
    return links


def x_default_language(site, codes):
    """The language among ``codes`` (those a page is published in) that ``x-default`` names:
    the site's own (:func:`site_language`), else the first in ``LANGUAGES``.

    One rule for the pages' ``hreflang`` links and the sitemap's, which search engines
    compare.
    """
    own = site_language(site)
    if own in codes:
        return own
    return next((code for code, _name in settings.LANGUAGES if code in codes), None)


def localize_pages(pages, language=None, request=None):
    """Each page's live version in ``language`` (default: active), in one query.

    Page choosers in translated content still point at the source page (that is
    how wagtail-localize stores them), so links are localized when rendered. A
    page without a live translation stays as it is.

    With ``request``, a page the public site does not show on the request's site
    (its plugin is switched off there, its type is no longer installed) comes back
    as ``None``, so blocks that chose it leave it out instead of linking to a 404;
    so does a page restricted to some visitors (password, login, groups), whose title
    and description would tell what it hides. See :func:`localize_page_ids`.
    """
    pages = list(pages)
    localized = localize_page_ids([page.pk for page in pages], language, request)
    return [localized[page.pk] for page in pages]


def localize_page_ids(ids, language=None, request=None):
    """``{id: the page to show for it}``, as :func:`localize_pages` answers for the pages.

    With ``request``, answers are kept on the request: a page body reads every page its
    blocks and rich text link to first (:func:`csti_cms.blocks.links.resolve_page_links`),
    so its blocks find them there and the page costs one query whatever its links.
    """
    language = language or get_language()
    known = {} if request is None else request.__dict__.setdefault("_csti_localized_pages", {})
    missing = {int(pk) for pk in ids if (language, int(pk)) not in known}
    if missing:
        read = _read_localized_pages(missing, language, request)
        known.update(((language, pk), page) for pk, page in read.items())
    return {pk: known[language, int(pk)] for pk in ids}


def _read_localized_pages(ids, language, request):
    """The page to show for each of ``ids`` (or ``None``), read in one query."""
    candidates = Page.objects.filter(
        Q(pk__in=ids)
        | Q(
            translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
            locale__language_code=language,
            live=True,
        )
    ).select_related("locale")
    restricted = ()
    if request is not None:
        candidates = public_pages(candidates, request)
        restricted = tuple(restricted_paths())
    rows = {candidate.pk: candidate for candidate in candidates}
    shown = {pk: row for pk, row in rows.items() if not row.path.startswith(restricted)}
    translations = {
        row.translation_key: row
        for row in shown.values()
        if row.live and row.locale.language_code == language
    }
    localized = {}
    for pk in ids:
        source = rows.get(pk)
        localized[pk] = source and translations.get(source.translation_key, shown.get(pk))
    return localized


def restricted_paths():
    """Tree paths of the pages that restrict who may view them (and their subpages).

    Cached: restrictions change rarely, and saving one starts a new generation.
    """
    return cached(
        "restricted-page-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def localize_objects(objects, language=None):
    """Each translatable object in ``language`` (default: active), in one query.

    Pages point at snippets (an event's venue, an activity's school levels) from every
    language version, and wagtail-localize keeps those links on the source language's
    object: they are shown in the visitor's language when rendered. An object without a
    translation in that language stays as it is. All ``objects`` are of one model.
    """
    objects = list(objects)
    if not objects:
        return []
    language = language or get_language()
    model = type(objects[0])
    translations = model.objects.filter(
        translation_key__in={obj.translation_key for obj in objects},
        locale__language_code=language,
    )
    by_key = {translation.translation_key: translation for translation in translations}
    return [by_key.get(obj.translation_key, obj) for obj in objects]


def prefer_language(rows, language=None):
    """One of ``rows`` per translation key: the one in ``language`` (default: active).

    For lists that read every language version of translatable objects at once (a
    centre's networks, the organisations a signatory may belong to): an object whose
    translation is still on its way is shown in the default language rather than left
    out, else in any language it has. Keys come in the order of their first row; each
    row needs its ``locale`` (select it with the rows).
    """
    language = language or get_language()
    rank = {language: 0, settings.LANGUAGE_CODE: 1}
    chosen = {}
    for row in rows:
        current = chosen.get(row.translation_key)
        row_rank = rank.get(row.locale.language_code, 2)
        if current is None or row_rank < rank.get(current.locale.language_code, 2):
            chosen[row.translation_key] = row
    return list(chosen.values())


def live_homes(site):
    """The tree path of each live home of ``site``, by language code, its own first.

    A site's root page is its home in its own language; the homes in other languages
    are its translations, side by side under the tree root. The language redirect,
    the sitemap and plugins all start from them. Cached until published content
    changes: one query per generation.
    """

    def read():
        homes = Page.objects.filter(translation_key=site.root_page.translation_key).live()
        rows = list(homes.values_list("pk", "locale__language_code", "path"))
        paths = {code: path for _pk, code, path in rows}
        own = [code for pk, code, _path in rows if pk == site.root_page_id]
        codes = own + [code for code, _name in settings.LANGUAGES] + list(paths)
        return {code: paths[code] for code in dict.fromkeys(codes) if code in paths}

    return cached(f"site-homes:{site.pk}", read)


def site_language(site):
    """The language of ``site``: its root page's, the language its centre works in.

    A centre's team reads its e-mails in it; visitors who ask for no language the site
    publishes are sent to it, and search engines too (``x-default``). The install's
    ``LANGUAGE_CODE`` is only the language of new centres' homes: a Dutch-first centre
    shares an install with French-first ones. ``LANGUAGE_CODE`` stands in without a site
    (a command, a request for an unknown host) or for a root page in a language the
    install no longer has. No query: locales are cached until one changes.
    """
    if site is None:
        return settings.LANGUAGE_CODE
    codes = cached("locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))
    code = codes.get(site.root_page.locale_id)
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def site_tree_filter(site):
    """A filter for the pages of ``site`` in every language it is published in.

    ``descendant_of(site.root_page)`` alone would miss every language but the site's
    own (see :func:`live_homes`). A language whose home is not live has no pages to
    offer (its addresses answer 404).
    """
    condition = Q(pk__in=[])
    for path in live_homes(site).values():
        condition |= Q(path__startswith=path)
    return condition


def pages_of_site(site, queryset=None):
    """``queryset`` (default: all pages) narrowed to ``site``, in every language."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(site_tree_filter(site))


def in_active_language(value):
    """``value``, if it is a translatable object (a school level), in the active language.

    What a visitor chose is stored in the visitor's language; the team reads it in its own,
    in e-mails and in the admin. Other values, and objects not translated, stay as they are.
    """
    if not isinstance(value, TranslatableMixin):
        return value
    active = Locale.get_active()
    if value.locale_id == active.pk:
        return value
    return value.get_translation_or_none(active) or value


#: Languages that write the names of languages in lower case within a sentence
#: ("en néerlandais"); Django's names start with a capital, as a menu's do.
LOWER_CASE_LANGUAGE_NAMES = {"fr"}


def language_name_in_text(code):
    """The name of language ``code`` in the active language, as a sentence writes it."""
    name = get_language_info(code)["name_translated"]
    if (get_language() or "").split("-")[0] in LOWER_CASE_LANGUAGE_NAMES:
        return name.lower()
    return name


#: The territory a language is read in when the centre's country does not say: the locale
#: names social networks know (Open Graph writes ``language_TERRITORY``).
OPEN_GRAPH_TERRITORIES = {"fr": "FR", "nl": "NL", "en": "GB", "de": "DE"}
OPEN_GRAPH_LOCALES = {"fr_FR", "fr_BE", "fr_CA", "fr_CH", "nl_NL", "nl_BE", "en_GB", "en_US"}


def open_graph_locale(code, country=""):
    """``og:locale`` of language ``code`` on the site of a centre in ``country``: ``fr_BE``
    for a Brussels centre, ``nl_NL`` for a Dutch one. A bare ``fr`` is no locale to the
    networks that read it; a pair they do not list (``en_BE``) falls back to the language's
    usual one, and a language with none known here stays bare, as Open Graph then reads it
    best."""
    language = code.split("-")[0].lower()
    local = f"{language}_{(country or '').strip().upper()}"
    if local in OPEN_GRAPH_LOCALES:
        return local
    territory = OPEN_GRAPH_TERRITORIES.get(language)
    return f"{language}_{territory}" if territory else language
