"""The memberships plugin keeps the plugin contract, like any third party's plugin."""

import pytest

from csti_cms.plugins.memberships.models import MembershipsPage
from csti_cms.plugins.testing import PluginContractTests

from .helpers import make_content_page, make_membership, make_memberships_page, make_organisation


class TestMembershipsContract(PluginContractTests):
    plugin_label = "memberships"
    slot_block_text = "Our networks"

    @pytest.fixture(autouse=True)
    def memberships_of_site(self, site):
        """A membership of ``site``, and a memberships page for the block to link to.

        The page sits under a content page, so the home page still has room for the
        one memberships page the contract creates there.
        """
        make_membership(site, make_organisation("Ecsite"))
        self.block_page = make_memberships_page(make_content_page(site.root_page), slug="target")

    @property
    def slot_block(self):
        return ("memberships_networks", {"heading": "Our networks", "page": self.block_page.pk})

    def create_page(self, parent):
        return parent.add_child(instance=MembershipsPage(title="Memberships", slug="memberships"))
