"""The example plugin passes the contract every plugin must pass."""

from csti_cms.plugins.testing import PluginContractTests
from tests.example_plugin.models import QuizPage


class TestQuizPluginContract(PluginContractTests):
    plugin_label = "quiz"
    slot_block = ("quiz_question", {"question": "Why is the sky blue?", "answer": "Scattering"})
    slot_block_text = "Why is the sky blue?"

    def create_page(self, parent):
        return parent.add_child(instance=QuizPage(title="Quiz", slug="quiz", question="H2O?"))
