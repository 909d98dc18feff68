from csti_cms.plugins import PluginConfig


class QuizConfig(PluginConfig):
    name = "tests.example_plugin"
    label = "quiz"
    verbose_name = "Science quiz"
    version = "1.0.0"
    description = "Quiz pages and quiz questions inside any page."
    compatibility = ">=0.1"
    default_settings = {"QUIZ_MAX_QUESTIONS": 10}
    reserved_ids = frozenset({"quiz-question"})

    calls = []

    def installed(self, site):
        self.calls.append(("installed", site.pk))

    def uninstalled(self, site):
        self.calls.append(("uninstalled", site.pk))

    def can_disable(self, site):
        from csti_cms.plugins import pages_of_site

        from .models import QuizPage

        count = pages_of_site(site, QuizPage.objects.live()).count()
        return [f"{count} quiz pages will answer 404 on this site."] if count else []
