"""The form of the admin's "Copy" action for csti-cms pages.

Wagtail refuses to move a page into another language's tree, but copies it there: a French
event copied under the Dutch agenda went live at a ``/nl/`` address, still French, with
``<html lang="nl">`` around French text, a French ``hreflang`` on a Dutch address, and a
place in the Dutch agenda and feeds. A page reaches another language through "Translate",
which keeps the two versions linked; this form says so instead of copying.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.pages import CopyForm

from csti_cms.core.i18n import language_name_in_text


class SameLanguageCopyForm(CopyForm):
    """Wagtail's copy form, refusing a new parent in another language than the page's."""

    cross_language_message = _(
        "A copy stays in the language of its page (%(page_language)s), and “%(parent)s” is "
        "in another one (%(parent_language)s). Choose a parent page in the same language, "
        "or use “Translate” to publish this page in another language."
    )

    def clean(self):
        cleaned_data = super().clean()
        parent = cleaned_data.get("new_parent_page") or self.page.get_parent()
        # Below the root stand the homes of every language (Wagtail's rule for moves too).
        if parent.depth > 1 and parent.locale_id != self.page.locale_id:
            self.add_error("new_parent_page", self.cross_language_error(parent))
        return cleaned_data

    def cross_language_error(self, parent):
        return self.cross_language_message % {
            "parent": parent.specific_deferred.get_admin_display_title(),
            "parent_language": language_name_in_text(parent.locale.language_code),
            "page_language": language_name_in_text(self.page.locale.language_code),
        }
