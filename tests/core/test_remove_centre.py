"""`manage.py remove_centre` takes a leaving centre out of a shared install, and only it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from wagtail.log_actions import log
from wagtail.models import (
    GroupSitePermission,
    ModelLogEntry,
    Page,
    PageLogEntry,
    ReferenceIndex,
    Site,
)
from wagtail_localize.models import String, StringSegment, Translation, TranslationSource

from csti_cms.core.centre_removal import centre_contents, remove_centre
from csti_cms.core.centres import add_centre
from csti_cms.core.models import BrandingSettings, ContactSettings
from csti_cms.enquiries.models import EnquiryNotificationSettings, RequestLogEntry
from csti_cms.plugins.declarations.models import Endorsement, EndorsementLogEntry
from csti_cms.plugins.memberships.models import Membership, Organisation
from csti_cms.plugins.models import SitePlugin
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.core.helpers import library_image
from tests.enquiries.helpers import stored_booking, stored_quote
from tests.plugins_builtin.helpers import (
    make_content_page,
    make_declaration,
    make_declaration_index,
    make_endorsement,
    make_membership,
    make_organisation,
)

pytestmark = pytest.mark.django_db

HOST = "www.cap-sciences.net"


def give_centre_its_data(site, organisation, tag):
    """Pages, requests, settings, a switch, a redirect, a membership... of ``site``'s centre."""
    home = site.root_page.specific
    make_content_page(home, slug=f"about-{tag}")
    declaration = make_declaration(make_declaration_index(home, slug=f"declarations-{tag}"))
    endorsement = make_endorsement(declaration, f"Musée {tag}")
    booking = stored_booking(site=site, school_name=f"École {tag}")
    stored_quote(site=site)
    ContactSettings.for_site(site).save()
    EnquiryNotificationSettings.for_site(site).save()
    SitePlugin.objects.update_or_create(site=site, label="memberships", defaults={"enabled": True})
    Redirect.objects.create(old_path=f"/old-{tag}", site=site, redirect_link="https://x.example")
    make_membership(site, organisation)
    FormSubmission.objects.create(page=home, form_data={"name": f"Visitor {tag}"})
    GroupSitePermission.objects.create(
        group=Group.objects.get_or_create(name=f"Team {tag}")[0],
        site=site,
        permission=Permission.objects.get(codename="change_brandingsettings"),
    )
    for instance, action in [(booking, "wagtail.edit"), (endorsement, "wagtail.edit")]:
        log_model = RequestLogEntry if instance is booking else EndorsementLogEntry
        log_model.objects.log_action(instance, action, title=f"Private {tag}")


@pytest.fixture
def two_centres():
    """The demo centre and a second one, each with pages and their visitors' data."""
    demo = Site.objects.get(is_default_site=True)
    leaving = add_centre("Cap Sciences", HOST).site
    organisation = make_organisation()
    give_centre_its_data(demo, organisation, "demo")
    give_centre_its_data(leaving, organisation, "cap")
    return demo, leaving


def pages_of(site):
    """``site``'s homes in every language and all their descendants."""
    pages = Page.objects.none()
    for home in [site.root_page, *site.root_page.get_translations()]:
        pages |= Page.objects.descendant_of(home, inclusive=True)
    return pages


def rows_of(site):
    """How many rows of each kind ``site``'s centre has (pages in every language)."""
    pages = pages_of(site)
    return {
        "pages": pages.count(),
        "bookings": BookingRequest.objects.filter(site=site).count(),
        "quotes": QuoteRequest.objects.filter(site=site).count(),
        "branding": BrandingSettings.objects.filter(site=site).count(),
        "contact": ContactSettings.objects.filter(site=site).count(),
        "notifications": EnquiryNotificationSettings.objects.filter(site=site).count(),
        "switches": SitePlugin.objects.filter(site=site).count(),
        "redirects": Redirect.objects.filter(site=site).count(),
        "memberships": Membership.objects.filter(site=site).count(),
        "endorsements": Endorsement.objects.filter(declaration__in=pages).count(),
        "submissions": FormSubmission.objects.filter(page__in=pages).count(),
        "group permissions": GroupSitePermission.objects.filter(site=site).count(),
    }


def test_the_leaving_centre_goes_and_the_other_stays(two_centres):
    demo, leaving = two_centres
    demo_before = rows_of(demo)
    leaving_before = rows_of(leaving)
    assert all(leaving_before.values()), leaving_before
    shared = (Image.objects.count(), Organisation.objects.count(), Group.objects.count())
    leaving_page_ids = list(pages_of(leaving).values_list("pk", flat=True))
    leaving_requests = [
        (model, list(model.objects.filter(site=leaving).values_list("pk", flat=True)))
        for model in (BookingRequest, QuoteRequest)
    ]

    removed = remove_centre(leaving)

    assert not Site.objects.filter(pk=leaving.pk).exists()
    assert not Page.objects.filter(pk__in=leaving_page_ids).exists()
    for model, pks in leaving_requests:
        assert not model.objects.filter(pk__in=pks).exists(), model
    assert not SitePlugin.objects.filter(site_id=leaving.pk).exists()
    assert not Redirect.objects.filter(old_path="/old-cap").exists()
    assert not Endorsement.objects.filter(organisation="Musée cap").exists()
    assert not FormSubmission.objects.filter(form_data__name="Visitor cap").exists()
    assert not Membership.objects.filter(site_id=leaving.pk).exists()
    assert rows_of(demo) == demo_before
    assert (Image.objects.count(), Organisation.objects.count(), Group.objects.count()) == shared
    assert removed.pages == {"fr": leaving_before["pages"] - 2, "nl": 1, "en": 1}


def test_the_centre_history_naming_its_visitors_goes_too(two_centres):
    _demo, leaving = two_centres
    remove_centre(leaving)
    assert not RequestLogEntry.objects.filter(label="Private cap").exists()
    assert not EndorsementLogEntry.objects.filter(label="Private cap").exists()
    assert RequestLogEntry.objects.filter(label="Private demo").exists()
    assert EndorsementLogEntry.objects.filter(label="Private demo").exists()


def test_no_translation_record_or_text_of_its_pages_is_left(two_centres):
    _demo, leaving = two_centres
    keys = set(pages_of(leaving).values_list("translation_key", flat=True))
    texts = set(
        StringSegment.objects.filter(source__object_id__in=keys).values_list("string", flat=True)
    )
    assert String.objects.filter(pk__in=texts, data="Cap Sciences").exists()
    demo_texts = String.objects.filter(segments__isnull=False).exclude(pk__in=texts).count()
    sources_before = TranslationSource.objects.exclude(object_id__in=keys).count()
    remove_centre(leaving)
    assert not TranslationSource.objects.filter(object_id__in=keys).exists()
    assert not Translation.objects.filter(source__object_id__in=keys).exists()
    assert TranslationSource.objects.count() == sources_before
    assert not String.objects.filter(pk__in=texts, segments__isnull=True).exists()
    assert String.objects.filter(segments__isnull=False).exclude(pk__in=texts).count() == demo_texts


def test_the_removal_is_in_the_site_history():
    leaving = add_centre("Cap Sciences", HOST).site
    remove_centre(leaving)
    entry = ModelLogEntry.objects.get(action="csti_core.remove_centre")
    assert entry.label == f"Cap Sciences ({HOST})"
    assert (
        entry.message
        == f"Removed the centre Cap Sciences ({HOST}) and everything that was its alone"
    )


def test_the_other_centres_pages_still_answer(client, two_centres):
    demo, leaving = two_centres
    remove_centre(leaving)
    assert client.get("/fr/", HTTP_HOST=demo.hostname).status_code == 200
    assert client.get("/fr/about-demo/", HTTP_HOST=demo.hostname).status_code == 200


def test_the_default_site_is_refused_while_others_exist(two_centres):
    demo, _leaving = two_centres
    before = rows_of(demo)
    with pytest.raises(ValidationError, match="untick 'Is default site' on it first, then tick"):
        remove_centre(demo)
    assert rows_of(demo) == before


def test_the_only_site_is_refused():
    demo = Site.objects.get()
    demo.is_default_site = False  # Not the default: still the only site.
    demo.save()
    with pytest.raises(ValidationError, match="only site of this install"):
        remove_centre(demo)
    assert Site.objects.filter(pk=demo.pk).exists()


def test_the_command_shows_what_goes_and_asks_for_the_host_name(two_centres, capsys, monkeypatch):
    _demo, leaving = two_centres
    monkeypatch.setattr("builtins.input", lambda question: "www.wrong.example")
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("remove_centre", "--host", HOST)
    out = capsys.readouterr().out
    assert f"Removing Cap Sciences ({HOST}:443) would delete:" in out
    assert "  1  page in Dutch\n" in out
    assert "pages in French" in out
    assert "  1  booking request (csti_schools.BookingRequest)\n" in out
    assert "  1  membership (memberships.Membership)\n" in out
    assert "settings: branding (csti_core.BrandingSettings)" in out
    assert Site.objects.filter(pk=leaving.pk).exists()

    monkeypatch.setattr("builtins.input", lambda question: HOST)
    call_command("remove_centre", "--host", HOST)
    out = capsys.readouterr().out
    assert "Cap Sciences was removed, with its " in out
    assert "Images, documents and user accounts stay: review them" in out
    assert not Site.objects.filter(pk=leaving.pk).exists()


def test_the_command_removes_without_asking_when_told(two_centres, monkeypatch):
    _demo, leaving = two_centres
    monkeypatch.setattr("builtins.input", pytest.fail)
    call_command("remove_centre", "--host", HOST, "--no-input")
    assert not Site.objects.filter(pk=leaving.pk).exists()


def test_the_command_lists_the_sites_for_an_unknown_host():
    add_centre("Cap Sciences", HOST)
    with pytest.raises(
        CommandError, match=f"No site answers at www.nowhere.example:443.*{HOST}:443"
    ):
        call_command("remove_centre", "--host", "www.nowhere.example", "--yes")


def test_the_command_refuses_the_default_site_before_asking(monkeypatch):
    add_centre("Cap Sciences", HOST)
    demo = Site.objects.get(is_default_site=True)
    monkeypatch.setattr("builtins.input", pytest.fail)
    with pytest.raises(CommandError, match="Nothing was changed: .* is the default site"):
        call_command("remove_centre", "--host", demo.hostname, "--port", str(demo.port))


def test_the_history_of_its_pages_site_and_settings_goes_too(two_centres, admin_user):
    demo, leaving = two_centres
    entries = {}
    for site in (demo, leaving):
        log(site.root_page.specific, "wagtail.edit", user=admin_user)
        records = [
            ContactSettings.for_site(site),
            SitePlugin.objects.filter(site=site).first(),
            site,
        ]
        entries[site] = {log(record, "wagtail.edit", user=admin_user).pk for record in records}
    leaving_page_ids = list(pages_of(leaving).values_list("pk", flat=True))
    demo_pages_history = PageLogEntry.objects.exclude(page_id__in=leaving_page_ids).count()
    history_before = set(ModelLogEntry.objects.values_list("pk", flat=True))

    removed = remove_centre(leaving, user=admin_user)

    assert removed.history >= len(leaving_page_ids) + 3
    assert not PageLogEntry.objects.filter(page_id__in=leaving_page_ids).exists()
    assert PageLogEntry.objects.count() == demo_pages_history
    history_after = set(ModelLogEntry.objects.values_list("pk", flat=True))
    assert entries[leaving] <= history_before - history_after
    assert entries[demo] <= history_after
    added = ModelLogEntry.objects.filter(pk__in=history_after - history_before)
    assert list(added.values_list("action", flat=True)) == ["csti_core.remove_centre"]


def test_the_command_changes_nothing_without_a_terminal_or_on_ctrl_c(two_centres, monkeypatch):
    _demo, leaving = two_centres
    for interruption, hint in [(EOFError, "--yes"), (KeyboardInterrupt, "")]:

        def interrupted(question, interruption=interruption):
            raise interruption

        monkeypatch.setattr("builtins.input", interrupted)
        with pytest.raises(CommandError, match=f"^Nothing was changed.*{hint}"):
            call_command("remove_centre", "--host", HOST)
        assert Site.objects.filter(pk=leaving.pk).exists()


def test_the_images_only_its_pages_show_are_counted_for_review(two_centres):
    demo, leaving = two_centres
    own, shared = library_image("Cap's own robot"), library_image("Shared robot")
    leaving_about = Page.objects.get(slug="about-cap")
    for showing, image in [(demo.root_page, shared), (leaving.root_page, own)] + [
        (leaving_about, shared)
    ]:
        specific = Page.objects.get(pk=showing.pk).specific
        type(specific).objects.filter(pk=showing.pk).update(social_image=image)
        specific.refresh_from_db()
        ReferenceIndex.create_or_update_for_object(specific)
    assert centre_contents(leaving).own_images == 1
