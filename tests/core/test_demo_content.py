"""The demo content loads in three languages, through wagtail-localize, and re-runs safely."""

import json
import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail_localize.models import Translation

from csti_cms.enquiries.models import EnquiryNotificationSettings
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db


def test_every_page_exists_in_every_language_with_its_own_text():
    content = json.loads((settings.CSTI_DEMO_CONTENT_DIR / "content.json").read_text())
    for spec in content["pages"]:
        titles = {demo_page(spec["key"], language).title for language in LANGUAGES}
        assert len(titles) == 3, f"{spec['key']} is translated, not copied"


def test_translations_are_editable_in_the_translation_editor():
    about = demo_page("about")
    translations = Translation.objects.filter(source__object_id=about.translation_key)
    assert {t.target_locale.language_code for t in translations} == {"nl", "en"}


def test_requests_go_to_the_teams_the_contact_page_names():
    """The contact page lists schools@ for schools and events@ for venue hire: the demo's
    notifications say the same, rather than sending both to the general inbox."""
    notifications = EnquiryNotificationSettings.objects.get(site__is_default_site=True)
    assert notifications.school_booking_recipients == "schools@curiosa.example"
    assert notifications.venue_quote_recipients == "events@curiosa.example"


def test_loading_twice_changes_nothing(capsys):
    before = Page.objects.count()
    call_command("load_demo_content")
    assert Page.objects.count() == before
    assert "0 items created" in capsys.readouterr().out


def test_broken_content_file_stops_without_touching_anything(tmp_path):
    shutil.copytree(settings.CSTI_DEMO_CONTENT_DIR, tmp_path / "demo")
    content_file = tmp_path / "demo" / "content.json"
    content = json.loads(content_file.read_text())
    content["pages"].append(
        {
            "key": "new",
            "type": "csti_core.ContentPage",
            "parent": "home",
            "fields": {
                "title": {"fr": "Neuf", "nl": "Nieuw", "en": "New"},
                "slug": {"fr": "neuf", "nl": "nieuw", "en": "new"},
            },
            "body": [{"type": "card_grid", "value": {"cards": [{"page": "page:missing"}]}}],
        }
    )
    content_file.write_text(json.dumps(content))
    before = Page.objects.count()
    with pytest.raises(CommandError, match="page:missing"):
        call_command("load_demo_content", "--from", str(tmp_path / "demo"))
    assert Page.objects.count() == before


def test_missing_content_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No content file"):
        call_command("load_demo_content", "--from", str(tmp_path))


def test_extra_content_files_add_pages_next_to_content_json(tmp_path):
    shutil.copytree(settings.CSTI_DEMO_CONTENT_DIR, tmp_path / "demo")
    (tmp_path / "demo" / "zz-extra.json").write_text(
        json.dumps(
            {
                "pages": [
                    {
                        "key": "extra",
                        "type": "csti_core.ContentPage",
                        "parent": "home",
                        "fields": {
                            "title": {"fr": "En plus", "nl": "Extra", "en": "More"},
                            "slug": {"fr": "en-plus", "nl": "extra", "en": "more"},
                        },
                        "body": [],
                    }
                ]
            }
        )
    )
    call_command("load_demo_content", "--from", str(tmp_path / "demo"))
    assert {demo_page("extra", language).title for language in LANGUAGES} == {
        "En plus",
        "Extra",
        "More",
    }


def test_extra_content_files_cannot_rebrand_the_site(tmp_path):
    shutil.copytree(settings.CSTI_DEMO_CONTENT_DIR, tmp_path / "demo")
    (tmp_path / "demo" / "extra.json").write_text(json.dumps({"branding": {}}))
    with pytest.raises(CommandError, match="extra.json: only images"):
        call_command("load_demo_content", "--from", str(tmp_path / "demo"))


def test_content_that_clashes_with_the_database_is_a_clear_error(tmp_path):
    """A page the demo needs at an address another page already holds stops the load."""
    shutil.copytree(settings.CSTI_DEMO_CONTENT_DIR, tmp_path / "demo")
    taken = demo_page("about", "fr").slug
    (tmp_path / "demo" / "zz-clash.json").write_text(
        json.dumps(
            {
                "pages": [
                    {
                        "key": "clash",
                        "type": "csti_core.ContentPage",
                        "parent": "home",
                        "fields": {
                            "title": {"fr": "Doublon", "nl": "Dubbel", "en": "Double"},
                            "slug": {"fr": taken, "nl": "dubbel", "en": "double"},
                        },
                        "body": [],
                    }
                ]
            }
        )
    )
    before = Page.objects.count()
    with pytest.raises(CommandError, match="clashes with content already in the database"):
        call_command("load_demo_content", "--from", str(tmp_path / "demo"))
    assert Page.objects.count() == before
