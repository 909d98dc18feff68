"""Wagtail's automatic redirects survive edits that change no page's address.

Wagtail deleted every automatic redirect of the install when a page whose address depends on
no site changed slug (Wagtail issue #11338): the homes in other languages, beside a site's
root page, on the Promote tab or when ``add_centre`` creates them for a second centre.
"""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.redirects.signal_handlers import BatchRedirectCreator

from csti_cms.core.centres import add_centre
from csti_cms.core.redirects import WAGTAIL_PRE_PROCESS
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def automatic_redirects():
    return set(Redirect.objects.filter(automatically_created=True).values_list("pk", flat=True))


def publish_new_slug(renamed, slug, django_capture_on_commit_callbacks):
    """Publish ``renamed`` under ``slug``; Wagtail makes its redirects once that is committed."""
    renamed.slug = slug
    with django_capture_on_commit_callbacks(execute=True):
        renamed.save_revision().publish()


def test_a_new_slug_for_the_dutch_home_keeps_every_automatic_redirect(
    django_capture_on_commit_callbacks,
):
    before = automatic_redirects()
    assert before, "the demo's renamed pages left automatic redirects"
    publish_new_slug(demo_page("home", "nl"), "curiosa-nl", django_capture_on_commit_callbacks)
    assert automatic_redirects() == before


def test_a_second_centre_keeps_the_first_ones_automatic_redirects(
    django_capture_on_commit_callbacks,
):
    before = automatic_redirects()
    with django_capture_on_commit_callbacks(execute=True):
        add_centre("Technopolis", "www.technopolis.be", 443, "nl")
    assert automatic_redirects() == before


def test_a_renamed_page_still_gets_its_automatic_redirect(django_capture_on_commit_callbacks):
    schools = demo_page("schools", "nl")
    publish_new_slug(schools, "klassen", django_capture_on_commit_callbacks)
    redirect = Redirect.objects.get(old_path="/nl/scholen", automatically_created=True)
    assert redirect.redirect_page_id == schools.pk


def test_wagtail_still_deletes_every_automatic_redirect_on_an_empty_batch():
    """The Wagtail bug that ``keep_automatic_redirects_on_empty_batches`` works around.

    When this fails, the Wagtail the project requires has the fix: remove that function, its
    call in ``CoreConfig.ready`` and this test.
    """
    WAGTAIL_PRE_PROCESS(BatchRedirectCreator(max_size=10))
    assert automatic_redirects() == set()
