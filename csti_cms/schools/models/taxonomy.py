"""What teachers choose activities by: the school level of their class and the subject.

Both are translatable snippets, so a centre names them in its own words and adds
its own (special needs education, another country's system). Activities point at
them from every language version (wagtail-localize keeps those links
synchronised, so they usually point at the source language's object); pages show
them in the visitor's language with :func:`csti_cms.core.i18n.localize_objects`, one
query per list.
"""

from collections import defaultdict

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from csti_cms.core.collation import alphabetical


class LevelSystem(models.TextChoices):
    """The school systems levels belong to; Belgium's communities share one structure."""

    BELGIUM = "be", _("Belgium")
    FRANCE = "fr", _("France")
    OTHER = "other", _("Other")


class SchoolLevel(TranslatableMixin, index.Indexed, models.Model):
    """A class's level in its country's school system: "3e primaire", "CM1", "lycée"."""

    name = models.CharField(_("name"), max_length=80)
    system = models.CharField(
        _("school system"),
        max_length=10,
        choices=LevelSystem.choices,
        default=LevelSystem.BELGIUM,
        help_text=_("Levels of each system are listed together."),
    )
    age_min = models.PositiveSmallIntegerField(_("usual minimum age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("usual maximum age"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Levels are listed from the lowest position up.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("system"),
        FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [SynchronizedField("system"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("school level")
        verbose_name_plural = _("school levels")
        ordering = ["system", "sort_order", "name"]

    def __str__(self):
        return self.name


class Subject(TranslatableMixin, index.Indexed, models.Model):
    """A school subject an activity serves: sciences, mathematics, technology..."""

    name = models.CharField(_("name"), max_length=80)

    panels = [FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["name"]

    def __str__(self):
        return self.name


def level_sort_key(level):
    return (LevelSystem.values.index(level.system), level.sort_order, alphabetical(level.name))


def summarise_levels(levels):
    """Levels as short ranges of consecutive positions: ["3e primaire – 6e primaire", "CM1"]."""
    runs = []
    for level in sorted(levels, key=level_sort_key):
        last = runs[-1][-1] if runs else None
        if last and last.system == level.system and level.sort_order == last.sort_order + 1:
            runs[-1].append(level)
        else:
            runs.append([level])
    return [run[0].name if len(run) == 1 else f"{run[0].name} – {run[-1].name}" for run in runs]


def grouped_levels(levels):
    """``[(system label, [levels])]`` in the systems' order, for grouped choices."""
    groups = defaultdict(list)
    for level in levels:
        groups[level.system].append(level)
    return [(system.label, groups[system.value]) for system in LevelSystem if groups[system.value]]
