from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import QuizTheme


class QuizThemeViewSet(SnippetViewSet):
    model = QuizTheme
    icon = "help"
    add_to_admin_menu = True
    menu_label = "Quiz themes"


register_snippet(QuizThemeViewSet)
