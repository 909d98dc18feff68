"""A site adds its statistics script to every page without copying the base template."""

import pytest
from django.template.loader import render_to_string

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

SCRIPT = '<script defer src="https://stats.centre.example/script.js"></script>'


@pytest.fixture
def site_templates(settings, tmp_path):
    """A site's templates folder, searched before the theme's, as ``csti-cms start`` sets."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    (tmp_path / "includes").mkdir()
    return tmp_path / "includes"


def test_a_site_adds_a_script_at_the_end_of_head_and_of_body(client, site_templates):
    (site_templates / "head_extra.html").write_text(SCRIPT)
    (site_templates / "body_extra.html").write_text("<!-- after the page -->")
    html = client.get(demo_page("about", "en").url).content.decode()
    head, body = html.split("</head>")
    assert head.rstrip().endswith(SCRIPT)
    assert body.index("<!-- after the page -->") > body.index("</footer>")


@pytest.mark.parametrize("name", ["includes/head_extra.html", "includes/body_extra.html"])
def test_the_theme_adds_nothing_of_its_own(name):
    assert render_to_string(name).strip() == ""
