"""What the block picker shows of a block: a preview, in the editor's language.

Wagtail shows a block's preview and its ``description`` in the picker only when the
block has a preview value and the project overrides the global preview template
(``wagtailcore/shared/block_preview.html``, in the package's templates). Texts are
``gettext_lazy`` or read in ``get_preview_value``, when an editor asks for the preview:
each editor reads them in the language of their admin.

Blocks that show chosen objects (a photo, pages, documents, a declaration) preview the
first ones of the library. While the library has none, as on a fresh install, such a
block is not previewable: the picker shows its label alone, never an empty frame or an
error. A preview never raises.

Images and documents are those the editor may choose in their collections: on an install
shared by several centres, the preview showed an editor the newest document of the whole
library, a confidential one of another centre included, with its title and link.
"""

from django.utils.html import format_html
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail.rich_text import RichText

from csti_cms.core.middleware import current_request


def preview_rich_text(*paragraphs):
    """Rich text of ``paragraphs`` (lazy translations), translated now: rich text
    reads its source as a string, which a lazy translation is not."""
    return RichText("".join(format_html("<p>{}</p>", paragraph) for paragraph in paragraphs))


def choosable(model):
    """The images or documents (``model``) the editor being answered may choose, as
    Wagtail's chooser lists them; none outside a request (a command), with no editor."""
    user = getattr(current_request(), "user", None)
    if user is None:
        return model._default_manager.none()
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["choose"])


def first_image():
    """The newest image the editor may choose (the first the library shows), or None."""
    return choosable(get_image_model()).order_by("-pk").first()


def first_documents(count):
    """Up to ``count`` documents the editor may choose, newest first, as the library
    lists them."""
    return list(choosable(get_document_model()).order_by("-pk")[:count])


def preview_pages(count):
    """Up to ``count`` live public pages to link in a preview, in the editor's language.

    Sections (the pages under a home) first, in the tree's order; the homes when a site
    has nothing else yet. One language only: the same page in three languages would be
    shown three times once localized.
    """
    pages = Page.objects.live().public().filter(depth__gt=1)
    locale = active_locale()
    if locale is not None and pages.filter(locale=locale).exists():
        pages = pages.filter(locale=locale)
    sections = list(pages.filter(depth__gt=2).order_by("path")[:count])
    return sections or list(pages.order_by("path")[:count])


def active_locale():
    """The locale of the active language, the default one, or None without locales."""
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


class ChosenObjectsPreviewMixin:
    """For a block previewed with objects from the library: previewable only while
    ``has_preview_objects()`` finds some.

    Wagtail caches ``is_previewable`` on the block for the life of the process; the
    library changes, so it is read each time the editing form describes the block.
    """

    @property
    def is_previewable(self):
        return super().is_previewable and self.has_preview_objects()

    def has_preview_objects(self):
        raise NotImplementedError
