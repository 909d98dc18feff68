"""Wagtail's automatic redirects: from addresses once public, and kept by unrelated edits.

Wagtail deleted every automatic redirect of the install when a page whose address depends on
no site changed slug (Wagtail issue #11338): the homes in other languages, beside a site's
root page, on the Promote tab or when ``add_centre`` creates them for a second centre. It
also added redirects from the addresses of drafts nobody ever saw, one per translated page.
"""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.redirects.signal_handlers import BatchRedirectCreator

from csti_cms.core.centres import add_centre
from csti_cms.core.models import ContentPage
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


@pytest.fixture
def renamed_section(django_capture_on_commit_callbacks):
    """The automatic redirects left by a published section given a new address."""
    publish_new_slug(demo_page("schools", "nl"), "klassen", django_capture_on_commit_callbacks)
    before = automatic_redirects()
    assert before
    return before


def test_a_new_slug_for_the_dutch_home_keeps_every_automatic_redirect(
    renamed_section, django_capture_on_commit_callbacks
):
    publish_new_slug(demo_page("home", "nl"), "curiosa-nl", django_capture_on_commit_callbacks)
    assert automatic_redirects() == renamed_section


def test_a_second_centre_keeps_the_first_ones_automatic_redirects(
    renamed_section, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add_centre("Technopolis", "www.technopolis.be", 443, "nl")
    assert automatic_redirects() == renamed_section


def test_the_demo_content_leaves_no_redirect_from_an_address_never_public():
    """Its pages are translated as an editor translates them: drafts renamed, then published."""
    assert automatic_redirects() == set()


def test_a_draft_renamed_before_its_first_publication_leaves_no_redirect(
    django_capture_on_commit_callbacks,
):
    draft = demo_page("home", "en").add_child(
        instance=ContentPage(title="Night at the centre", slug="night", live=False)
    )
    draft.slug = "night-at-the-centre"
    with django_capture_on_commit_callbacks(execute=True):
        draft.save()
    assert automatic_redirects() == set()
    draft.save_revision().publish()
    publish_new_slug(draft, "late-night", django_capture_on_commit_callbacks)
    assert Redirect.objects.get(automatically_created=True).old_path == "/en/night-at-the-centre"


def test_a_renamed_page_still_gets_its_automatic_redirect(django_capture_on_commit_callbacks):
    schools = demo_page("schools", "nl")
    publish_new_slug(schools, "klassen", django_capture_on_commit_callbacks)
    redirect = Redirect.objects.get(old_path="/nl/scholen", automatically_created=True)
    assert redirect.redirect_page_id == schools.pk


def test_wagtail_still_deletes_every_automatic_redirect_on_an_empty_batch(renamed_section):
    """The Wagtail bug that ``keep_automatic_redirects_on_empty_batches`` works around.

    When this fails, the Wagtail the project requires has the fix: remove that function, its
    call in ``CoreConfig.ready`` and this test.
    """
    WAGTAIL_PRE_PROCESS(BatchRedirectCreator(max_size=10))
    assert automatic_redirects() == set()


def test_the_live_subpages_of_a_draft_keep_their_addresses_when_it_is_renamed(
    django_capture_on_commit_callbacks,
):
    """Wagtail serves a live page below a draft: its address was public, the draft's not."""
    archive = demo_page("home", "en").add_child(
        instance=ContentPage(title="Archive", slug="archive", live=False)
    )
    show = archive.add_child(instance=ContentPage(title="Old show", slug="old-show"))
    show.save_revision().publish()
    archive.slug = "archives"
    with django_capture_on_commit_callbacks(execute=True):
        archive.save()
    old_addresses = set(
        Redirect.objects.filter(automatically_created=True).values_list("old_path", flat=True)
    )
    assert "/en/archive/old-show" in old_addresses
