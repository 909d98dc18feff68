"""The form of the admin's "Copy" action for csti-cms pages.

Wagtail refuses to move a page into another language's tree, but copies it there: a French
event copied under the Dutch agenda went live at a ``/nl/`` address, still French, with
``<html lang="nl">`` around French text, a French ``hreflang`` on a Dutch address, and a
place in the Dutch agenda and feeds. A page reaches another language through "Translate",
which keeps the two versions linked; this form says so instead of copying.

An alias (a copy with "Alias" ticked, kept the same as its original) beside its original
is the same page twice in one place: an event can only live under an agenda and a home
takes one agenda, so an alias of an event always landed in its own agenda, listed twice
there, in its calendar, map and feeds (under a second identifier), in search results and
in the sitemap. The form refuses it, and says what to do instead.

Wagtail's form blames a missing permission when the page type cannot go under the parent
chosen (a second agenda, or a hub for an audience that has one, under the same home):
editors who have every permission were told to ask for one. This form says why.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.pages import CopyForm

from csti_cms.core.i18n import language_name_in_text


class SameLanguageCopyForm(CopyForm):
    """Wagtail's copy form, refusing a new parent in another language than the page's,
    and an alias beside its original."""

    cross_language_message = _(
        "A copy stays in the language of its page (%(page_language)s), and “%(parent)s” is "
        "in another one (%(parent_language)s). Choose a parent page in the same language, "
        "or use “Translate” to publish this page in another language."
    )
    alias_beside_original_message = _(
        "An alias under “%(parent)s”, beside its original, would list “%(title)s” twice "
        "there, in search results and in feeds. Untick “Alias” to make a copy of its own, "
        "or link to “%(title)s” from the page where it should also appear."
    )
    parent_full_message = _(
        "“%(parent)s” already has all the pages of type “%(page_type)s” it can take (a home "
        "page has one agenda, and one audience hub per audience). Choose another parent "
        "page, or change the page that is already there."
    )

    def clean(self):
        cleaned_data = super().clean()
        parent = cleaned_data.get("new_parent_page") or self.page.get_parent()
        if self.parent_is_full(parent):
            # Replaces Wagtail's "You do not have permission to copy to page …".
            self._errors["new_parent_page"] = self.error_class([self.parent_full_error(parent)])
        # Below the root stand the homes of every language (Wagtail's rule for moves too).
        if parent.depth > 1 and parent.locale_id != self.page.locale_id:
            self.add_error("new_parent_page", self.cross_language_error(parent))
        if cleaned_data.get("alias") and self.is_beside_original(parent):
            self.add_error("alias", self.alias_beside_original_error(parent))
        return cleaned_data

    def parent_is_full(self, parent):
        """Whether the page's type could go under ``parent`` but for the pages already there
        (``max_count_per_parent``, an audience hub per audience)."""
        page_type = self.page.specific_class
        return (
            page_type is not None
            and page_type.is_creatable
            and page_type.can_exist_under(parent)
            and not page_type.can_create_at(parent)
        )

    def is_beside_original(self, parent):
        """Whether the copy would stand under the page's own parent: every parent below the
        root lists its pages (an agenda its events, an index its activities, exhibitions or
        spaces, a hub or a home its menu), so an alias there is listed twice. The root's
        children are the homes, which no page lists."""
        return parent.depth > 1 and self.page.is_child_of(parent)

    def cross_language_error(self, parent):
        return self.cross_language_message % {
            "parent": parent.specific_deferred.get_admin_display_title(),
            "parent_language": language_name_in_text(parent.locale.language_code),
            "page_language": language_name_in_text(self.page.locale.language_code),
        }

    def alias_beside_original_error(self, parent):
        return self.alias_beside_original_message % {
            "parent": parent.specific_deferred.get_admin_display_title(),
            "title": self.page.specific_deferred.get_admin_display_title(),
        }

    def parent_full_error(self, parent):
        return self.parent_full_message % {
            "parent": parent.specific_deferred.get_admin_display_title(),
            "page_type": self.page.specific_class.get_verbose_name(),
        }
