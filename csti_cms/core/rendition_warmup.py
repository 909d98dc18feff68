"""The renditions a published page shows, made in the background before its first visitor.

Wagtail makes a rendition the first time a page asks for it, in the visitor's request: a
page published with a camera photo took its first visitor two seconds more (a second per
size of a 4000-pixel original). Publishing a page, saving an image that live pages show
(a file replaced, a focal point moved) and choosing a new logo now hand the work to a
``django-tasks`` task once the change is committed. With the default immediate backend
(``TASKS`` in the settings) it runs at the end of the editor's own request, who waits for it
instead of a visitor; with a worker backend it runs in the background.

Which sizes a page needs is read from the page's own template, not listed again here: the
image tags of the template, the templates it extends and includes, and those of its
StreamField blocks, are walked with the page as their context, so a size changed in a
template (or in :mod:`csti_cms.core.renditions`, which the ``card_image`` and
``hero_picture`` tags read) is the size made. A page's ``image`` also shows in listings
and in its structured data, made from :data:`~csti_cms.core.renditions.CARD_IMAGE` and
:data:`~csti_cms.core.renditions.SOCIAL_IMAGE`. Images only a listing's context names (the
cards of an agenda) are made when the page they belong to is published.

A size that cannot be made is logged and left for the page to make or go without, as
:mod:`csti_cms.core.renditions` does: publishing never fails for it.
"""

import itertools
import logging
import time
from io import BytesIO

from django.conf import settings as django_settings
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.template import Context, TemplateDoesNotExist
from django.template.base import Variable, VariableDoesNotExist
from django.template.defaulttags import ForNode, IfNode, WithNode
from django.template.loader import get_template
from django.template.loader_tags import ExtendsNode, IncludeNode
from django_tasks import task
from wagtail.blocks import ListBlock, StreamValue, StructValue
from wagtail.contrib.settings.context_processors import SettingProxy
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published

from .icons import ICON_FILTER, TOUCH_ICON_FILTER
from .models import BrandingSettings
from .renditions import (
    CARD_IMAGE,
    HERO_NARROW_CROPS,
    SOCIAL_IMAGE,
    image_filter,
    renditions_or_none,
)
from .templatetags import csti_images

logger = logging.getLogger(__name__)

#: The sizes of a page's ``image`` outside its own page: its card in listings and the
#: picture of its structured data (events, spaces).
LISTED_IMAGE = (*CARD_IMAGE, SOCIAL_IMAGE)

#: The sizes of a site's logo that every page asks for outside its template: the browser
#: icons (:mod:`csti_cms.core.icons`) and the organisation's logo in structured data
#: (:mod:`csti_cms.core.seo`, which names its size in place).
SITE_LOGO = (ICON_FILTER, TOUCH_ICON_FILTER, "max-512x512")

#: How many items of a ``{% for %}`` loop are walked (the cards of a block, say).
MAX_LOOP_ITEMS = 50

#: Seconds one task spends making renditions before it leaves the rest to the pages: with
#: the immediate backend the editor's request waits for it (and a worker killed by its
#: timeout would answer 502 for a publication that succeeded).
DEFAULT_BUDGET_SECONDS = 10

#: Image fields whose change makes new renditions; a save of other fields (title, tags,
#: the file hash Wagtail fills in later) leaves the renditions as they are.
RENDITION_FIELDS = {
    "file",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
}


def enabled():
    """``CSTI_RENDITION_WARMUP`` (on by default; the test settings turn it off)."""
    return getattr(django_settings, "CSTI_RENDITION_WARMUP", True)


def budget_seconds():
    return getattr(django_settings, "CSTI_RENDITION_WARMUP_SECONDS", DEFAULT_BUDGET_SECONDS)


def connect_signals():
    """Warm a page's renditions when it is published and an image's when it is saved."""
    page_published.connect(_page_published, dispatch_uid="csti_warm_published_page")
    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="csti_warm_image")
    post_save.connect(_branding_saved, sender=BrandingSettings, dispatch_uid="csti_warm_logo")


def _page_published(sender, instance, **kwargs):
    if enabled():
        transaction.on_commit(lambda: warm_page.enqueue(instance.pk), robust=True)


def _image_saved(sender, instance, created=False, update_fields=None, **kwargs):
    """A new image is shown on no page yet; a save that changes no file or focal point
    makes no new rendition."""
    if not enabled() or created or (update_fields and not RENDITION_FIELDS & set(update_fields)):
        return
    # After the commit: replacing a file deletes the image's renditions after saving it.
    transaction.on_commit(lambda: warm_image.enqueue(instance.pk), robust=True)


def _branding_saved(sender, instance, **kwargs):
    if not enabled():
        return
    for image_id in {instance.logo_id, instance.default_sharing_image_id} - {None}:
        transaction.on_commit(lambda image_id=image_id: warm_image.enqueue(image_id), robust=True)


@task()
def warm_page(page_id):
    """The background task: make the renditions live page ``page_id`` shows."""
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        return 0
    return make_renditions(page_renditions(page.specific))


@task()
def warm_image(image_id):
    """The background task: make image ``image_id``'s renditions for the live pages showing it."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    made = 0
    deadline = time.monotonic() + budget_seconds()
    for page in [*pages_showing(image), *homes_branded_with(image)]:
        try:
            specs = page_renditions(page).get(image.pk, (image, set()))[1]
        except Exception:  # noqa: BLE001 - one page's template must not stop the others
            logger.exception("Page %s: the sizes it shows could not be read", page.pk)
            continue
        made += make_renditions({image.pk: (image, specs)}, deadline)
    return made


def homes_branded_with(image):
    """The root pages of the sites whose logo or default sharing image is ``image``: every
    page shows it, and the root page's renditions of it are every page's."""
    sites = BrandingSettings.objects.filter(Q(logo=image) | Q(default_sharing_image=image)).values(
        "site"
    )
    return Page.objects.live().filter(sites_rooted_here__in=sites).specific()


def pages_showing(image):
    """The live pages whose fields or blocks name ``image`` (Wagtail's reference index)."""
    references = ReferenceIndex.get_references_to(image).filter(
        base_content_type=ReferenceIndex._get_base_content_type(Page)
    )
    # The index keeps any model's key as text: compared with the pages' in Python, not SQL.
    page_ids = {int(pk) for pk in references.values_list("object_id", flat=True) if pk.isdigit()}
    return Page.objects.live().filter(pk__in=page_ids).specific()


def make_renditions(wanted, deadline=None):
    """Make ``wanted`` (``{image pk: (image, specs)}``); returns how many images were done.

    One image's failure, of whatever kind, is logged and the others are made. Past
    ``deadline`` (on :func:`time.monotonic`; the task's budget from now without one), the
    images left are made by the first page that shows them, as without this module.
    """
    deadline = deadline or time.monotonic() + budget_seconds()
    done = 0
    for image, specs in wanted.values():
        if not specs:
            continue
        if time.monotonic() >= deadline:
            logger.info("Image %s and those after it are left to the pages showing them", image.pk)
            break
        try:
            made = renditions_or_none(image, sorted(specs))
        except Exception:  # noqa: BLE001 - a decoder's error must not stop a publication
            logger.exception("Image %s: its renditions could not be made in advance", image.pk)
            continue
        done += made is not None
    return done


def remake_missing_files():
    """Write again the file of every stored size whose file is missing.

    A restore whose media folder lacks ``images/`` brings the sizes' rows back with the
    database: Wagtail finds a row and serves its URL without looking for the file, so the
    picture stayed broken for good. Each file is made again under its row's own name, the
    row kept: deleting the row to make it again would have Wagtail delete the old file
    once that deletion commits, and the new file has the same name. Sizes of a former
    focal point are left alone (no page asks for them).

    Returns how many files were made and ``[(image, error)]`` for the images whose sizes
    could not be (their original missing too, say), which are logged and passed over.
    """
    Rendition = get_image_model().get_rendition_model()
    rows = Rendition.objects.select_related("image").order_by("image_id", "pk")
    remade, failures = 0, []
    for _image_id, renditions in itertools.groupby(rows.iterator(), lambda row: row.image_id):
        missing = [row for row in renditions if _file_is_missing(row)]
        if not missing:
            continue
        image = missing[0].image
        try:
            remade += _remake_files(image, missing)
        except Exception as error:  # noqa: BLE001 - one image must not stop the others
            logger.warning("Image %s: its missing sizes could not be made: %s", image.pk, error)
            failures.append((image, error))
    return remade, failures


def _file_is_missing(rendition):
    return not rendition.file.name or not rendition.file.storage.exists(rendition.file.name)


def _remake_files(image, renditions):
    """Write the files of ``image``'s ``renditions`` again, its original read once."""
    with image.open_file() as original:
        original_bytes = original.read()
    remade = 0
    for rendition in renditions:
        spec = image_filter(rendition.filter_spec)
        if rendition.focal_point_key != spec.get_cache_key(image):
            continue
        source = File(BytesIO(original_bytes), name=image.file.name)
        generated = image.generate_rendition_file(spec, source=source)
        stored = rendition.file.storage.save(rendition.file.name, generated)
        if stored != rendition.file.name:  # the storage chose another name
            type(rendition).objects.filter(pk=rendition.pk).update(file=stored)
            rendition.purge_from_cache()
        remade += 1
    return remade


def page_renditions(page):
    """``{image pk: (image, {filter spec, …})}``: the renditions ``page`` shows of its images."""
    wanted = {}
    listed = getattr(page, "image", None)
    if isinstance(listed, AbstractImage):
        _want(wanted, listed, LISTED_IMAGE)
    try:
        template = get_template(page.template).template
    except TemplateDoesNotExist:
        return wanted
    settings = SettingProxy(page.get_site())
    logo = _resolve(Variable("settings.csti_core.BrandingSettings.logo"), {"settings": settings})
    if isinstance(logo, AbstractImage):
        _want(wanted, logo, SITE_LOGO)
    context = Context({"page": page, "self": page, "settings": settings})
    _walk(template.nodelist, context, wanted, depth=0)
    return wanted


def node_specs(node):
    """The filter specs one of our image tags asks for, or ``()`` for any other node."""
    if isinstance(node, csti_images.HeroPictureNode):
        narrow = [spec for _media, specs in HERO_NARROW_CROPS for spec in specs]
        return (*narrow, *(spec.spec for spec in node.get_filters()))
    if isinstance(node, csti_images.SrcsetImageNode):
        return tuple(spec.spec for spec in node.get_filters())
    if isinstance(node, csti_images.ImageNode):
        return (node.get_filter().spec,)
    return ()


def _want(wanted, image, specs):
    wanted.setdefault(image.pk, (image, set()))[1].update(specs)


def _walk(nodelist, context, wanted, depth):
    """Collect the renditions of the image tags of ``nodelist``, rendered in ``context``."""
    if depth > 10:  # an include including itself
        return
    for node in nodelist:
        specs = node_specs(node)
        if specs:
            image = _resolve(node.image_expr, context)
            if isinstance(image, AbstractImage):
                _want(wanted, image, specs)
        elif isinstance(node, ExtendsNode):  # its blocks, then the template they fill
            _walk(node.nodelist, context, wanted, depth)
            _walk_template(_resolve(node.parent_name, context), context, wanted, depth)
        elif isinstance(node, IncludeNode):
            extra = {name: _resolve(value, context) for name, value in node.extra_context.items()}
            with context.push(extra):
                _walk_template(_resolve(node.template, context), context, wanted, depth)
        elif isinstance(node, WithNode):
            extra = {name: _resolve(value, context) for name, value in node.extra_context.items()}
            with context.push(extra):
                _walk(node.nodelist, context, wanted, depth)
        elif isinstance(node, ForNode):
            _walk_loop(node, context, wanted, depth)
        elif type(node).__name__ == "IncludeBlockNode":
            _walk_block_value(_resolve(node.block_var, context), context, wanted, depth)
        elif isinstance(node, IfNode):  # its ``nodelist`` is every branch again
            for _condition, branch in node.conditions_nodelists:
                _walk(branch, context, wanted, depth)
        else:
            for attribute in node.child_nodelists:
                _walk(getattr(node, attribute, None) or (), context, wanted, depth)
            for _condition, branch in getattr(node, "conditions_nodelists", ()):
                _walk(branch, context, wanted, depth)


def _walk_template(name, context, wanted, depth):
    if not isinstance(name, str):
        return
    try:
        template = get_template(name).template
    except TemplateDoesNotExist:
        return
    _walk(template.nodelist, context, wanted, depth + 1)


def _walk_loop(node, context, wanted, depth):
    items = _resolve(node.sequence, context)
    try:
        items = list(itertools.islice(items or (), MAX_LOOP_ITEMS))
    except TypeError:
        return
    for item in items:
        names = node.loopvars
        values = [item] if len(names) == 1 else list(item)
        with context.push(dict(zip(names, values, strict=False))):
            _walk(node.nodelist_loop, context, wanted, depth)


def _walk_block_value(value, context, wanted, depth):
    """A StreamField, or one of its blocks, as ``{% include_block %}`` renders it."""
    if isinstance(value, StreamValue):
        for child in value:
            _walk_block(child.block, child.value, context, wanted, depth)
    elif hasattr(value, "block") and hasattr(value, "value"):  # a bound block
        _walk_block(value.block, value.value, context, wanted, depth)


def _walk_block(block, value, context, wanted, depth):
    template = getattr(block.meta, "template", None)
    if template:
        with context.push({"value": value, "self": value}):
            _walk_template(template, context, wanted, depth)
    elif isinstance(value, StructValue):
        for child in value.bound_blocks.values():
            _walk_block(child.block, child.value, context, wanted, depth + 1)
    elif isinstance(block, ListBlock):
        for child in value.bound_blocks:
            _walk_block(child.block, child.value, context, wanted, depth + 1)
    elif isinstance(value, StreamValue):
        _walk_block_value(value, context, wanted, depth + 1)


def _resolve(expression, context):
    """A template variable or filter expression's value; ``None`` where rendering it would not
    have one (a missing variable, a request-only value)."""
    try:
        return expression.resolve(context)
    except (VariableDoesNotExist, AttributeError, LookupError, TypeError, ValueError, RuntimeError):
        return None
