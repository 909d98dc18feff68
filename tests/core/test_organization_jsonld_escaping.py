"""The centre's schema.org data cannot break out of its script element, whatever its name."""

import json

import html5lib
import pytest
from wagtail.models import Site

from csti_cms.core.models import BrandingSettings
from csti_cms.core.seo import json_ld_text

pytestmark = pytest.mark.django_db

NAME = "Curiosa <!--<script> & </script> friends"


def test_markup_in_the_data_is_written_as_json_escapes():
    text = json_ld_text({"name": NAME})
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text) == {"name": NAME}


def test_a_centre_named_like_markup_leaves_the_rest_of_the_home_page_alone(client):
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.centre_name = NAME
    branding.save()
    html = client.get("/fr/").content.decode()
    document = html5lib.parse(html, namespaceHTMLElements=False)
    # Before the escaping, "<!--<script>" swallowed everything after it into the script.
    assert document.find(".//main") is not None
    assert document.find(".//footer") is not None
    (organisation,) = [
        data
        for script in document.iter("script")
        if script.get("type") == "application/ld+json"
        for data in [json.loads(script.text)]
        if data["@type"] == "Organization"
    ]
    assert organisation["name"] == NAME
