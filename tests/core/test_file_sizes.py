"""A download says its size in the units visitors know, rounded as they round it: "146 Ko",
"1,2 MB", never "145,5 Kio"; the same wherever a size is shown.

The French cases read the units from the compiled catalogue ("Ko", "Mo", "octets").
"""

import pytest
from django.template import Context, Template
from django.utils import translation

from csti_cms.core.file_sizes import readable_file_size
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
KIB, MIB = 1024, 1024**2


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (1, {"fr": "1 octet", "nl": "1 byte", "en": "1 byte"}),
        (812, {"fr": "812 octets", "nl": "812 bytes", "en": "812 bytes"}),
        (int(145.5 * KIB), {"fr": "146 Ko", "nl": "146 kB", "en": "146 kB"}),
        (int(145.4 * KIB), {"fr": "145 Ko", "nl": "145 kB", "en": "145 kB"}),
        (int(1.2 * MIB), {"fr": "1,2 Mo", "nl": "1,2 MB", "en": "1.2 MB"}),
        (2 * MIB, {"fr": "2 Mo", "nl": "2 MB", "en": "2 MB"}),
        (int(12.4 * MIB), {"fr": "12 Mo", "nl": "12 MB", "en": "12 MB"}),
        # Rounded up to a whole megabyte: read as 1 MB, not "1024 kB".
        (MIB - 100, {"fr": "1 Mo", "nl": "1 MB", "en": "1 MB"}),
        (int(3.5 * 1024**3), {"fr": "3,5 Go", "nl": "3,5 GB", "en": "3.5 GB"}),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_size_is_rounded_in_the_units_of_the_visitors_language(size, expected, language):
    with translation.override(language):
        assert readable_file_size(size) == expected[language].replace(" ", NBSP)


@pytest.mark.parametrize("size", [None, "", "unknown", -5])
def test_a_size_nobody_recorded_says_nothing(size):
    assert readable_file_size(size) == ""


def test_templates_use_the_same_filter():
    template = Template("{% load csti_files %}{{ size|file_size }}")
    with translation.override("en"):
        assert template.render(Context({"size": int(1.2 * MIB)})) == f"1.2{NBSP}MB"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_download_names_its_type_once_with_a_rounded_size(client, language):
    """The template adds the type: a title that says "(PDF)" too reads it twice."""
    html = client.get(demo_page("schools", language).url).content.decode()
    downloads = html.split('class="block-downloads"', 1)[1].split("</section>", 1)[0]
    with translation.override(language):
        size = readable_file_size(148_943)  # fixtures/demo/documents/teacher-pack.pdf
    assert f"(PDF, {size})" in downloads
    assert "(pdf)" not in downloads.lower(), "the title repeats the type"
    assert "Kio" not in downloads and "KiB" not in downloads
