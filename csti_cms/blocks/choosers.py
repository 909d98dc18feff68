"""Choosers whose admin labels follow each editor's language."""

from django.utils.functional import cached_property
from django.utils.text import capfirst, format_lazy
from wagtail import blocks


class TranslatedPageChooserBlock(blocks.PageChooserBlock):
    """Wagtail's page chooser, with its button label translated at every rendering.

    For a single page type, Wagtail's widget appends the type to "Choose a page" with
    ``+=``, which turns the lazy text into a plain string in the language of the first
    request; the block keeps that widget for the life of the process, so every editor
    would read the first one's language.
    """

    @cached_property
    def widget(self):
        from wagtail.admin.widgets import AdminPageChooser

        widget = AdminPageChooser(
            target_models=self.target_models, can_choose_root=self.can_choose_root
        )
        if len(self.target_models) == 1:
            model_name = capfirst(self.target_models[0]._meta.verbose_name)
            widget.choose_one_text = format_lazy(
                "{} ({})", AdminPageChooser.choose_one_text, model_name
            )
        return widget
