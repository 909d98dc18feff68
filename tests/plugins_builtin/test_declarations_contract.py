"""The declarations plugin keeps the plugin contract, like any third party's plugin."""

import pytest

from csti_cms.plugins.declarations.models import DeclarationIndexPage
from csti_cms.plugins.testing import PluginContractTests

from .helpers import make_declaration, make_declaration_index


class TestDeclarationsContract(PluginContractTests):
    plugin_label = "declarations"
    slot_block_text = "Mechelen Declaration"

    @pytest.fixture(autouse=True)
    def declaration_of_site(self, site):
        """A declaration on ``site`` for the featured-declaration block to show."""
        index = make_declaration_index(site.root_page, slug="series")
        self.declaration = make_declaration(index)

    @property
    def slot_block(self):
        return ("declarations_featured", {"declaration": self.declaration.pk})

    def create_page(self, parent):
        return parent.add_child(instance=DeclarationIndexPage(title="Declarations", slug="decl"))
