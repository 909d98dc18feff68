from django.db import models
from wagtail.admin.panels import FieldPanel

from csti_cms.core.models import BasePage
from csti_cms.plugins import PluginPageMixin


class QuizPage(PluginPageMixin, BasePage):
    question = models.CharField(max_length=200, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("question")]
    parent_page_types = ["csti_core.HomePage"]
    subpage_types = []
    template = "quiz/quiz_page.html"


class QuizTheme(models.Model):
    name = models.CharField(max_length=100)

    def __str__(self):
        return self.name
