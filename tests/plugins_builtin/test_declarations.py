"""Declarations: the timeline, a declaration's page, endorsing it end to end, the switch."""

import csv
import datetime
import re
from unittest import mock
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import PageViewRestriction, Site

from csti_cms.core.collation import without_accents
from csti_cms.plugins import disable, enable
from csti_cms.plugins.declarations.endorsements import confirmation_token
from csti_cms.plugins.declarations.models import (
    DeclarationPage,
    Endorsement,
    EndorsementStatus,
    Signatory,
)
from csti_cms.plugins.declarations.normalise import KEY_MAX_LENGTH, organisation_key
from csti_cms.plugins.testing import get_page, render_body_on
from tests.conftest import demo_page

from .helpers import (
    FORM,
    MECHELEN,
    count_queries,
    endorse,
    link_in,
    make_declaration,
    make_declaration_index,
    make_endorsement,
    make_organisation,
    moderate,
    path_of,
)

pytestmark = pytest.mark.django_db

INDEX = "declarations-index"
TORONTO = "declarations-toronto-2008"
#: The most queries the timeline, a declaration or a page featuring one may take, caches warm.
QUERY_BOUND = 20


def demo_site():
    return Site.objects.get(is_default_site=True)


def public_count(client, page):
    html = client.get(page.url).content.decode()
    return int(re.search(r'class="endorsements__count" data-count="(\d+)"', html)[1])


# What visitors see --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "facts"),
    [
        ("fr", ["Déclaration de Toronto", "Déclaration du Cap", "Déclaration de Malines"]),
        ("nl", ["Verklaring van Toronto", "Verklaring van Kaapstad", "Verklaring van Mechelen"]),
        ("en", ["Toronto Declaration", "Cape Town Declaration", "Mechelen Declaration"]),
    ],
)
def test_each_language_reaches_the_timeline_from_home(client, language, facts):
    home = client.get(demo_page("home", language).url).content.decode()
    index = demo_page(INDEX, language)
    assert f'href="{index.url}"' in home, "the timeline is in the main menu"
    html = client.get(index.url).content.decode()
    positions = [html.index(title) for title in facts]
    assert positions == sorted(positions), "oldest first"
    for fact in ("2008", "2011", "2014", "416", "56"):
        assert fact in html


def test_a_declaration_shows_its_event_commitments_and_signatories(client):
    html = client.get(demo_page(MECHELEN, "en").url).content.decode()
    for fact in (
        "First Science Centre World Summit",
        "Mechelen, Belgium",
        "Take concrete action",
        "Our centre signed this declaration",
        "Technopolis",
        'href="https://www.ecsite.eu/"',
        "3 organisations endorse this declaration.",
    ):
        assert fact in html


def test_related_declarations_are_earlier_or_later_in_the_visitors_language(client):
    toronto = client.get(demo_page(TORONTO, "nl").url).content.decode()
    later = toronto[toronto.index("Later in de reeks") :]
    assert demo_page("declarations-cape-town-2011", "nl").url in later
    assert demo_page(MECHELEN, "nl").url in later
    mechelen = client.get(demo_page(MECHELEN, "nl").url).content.decode()
    assert "Eerder in de reeks" in mechelen and "Later in de reeks" not in mechelen


def test_signatories_are_plain_names_where_memberships_is_off(client):
    disable("memberships", demo_site())
    html = client.get(demo_page(MECHELEN, "en").url).content.decode()
    assert "Ecsite" in html and 'href="https://www.ecsite.eu/"' not in html


def test_a_signatory_takes_its_name_from_the_organisation():
    organisation = make_organisation("ASTC")
    signatory = Signatory(organisation_key=organisation.translation_key)
    signatory.clean()
    assert signatory.name == "ASTC"
    with pytest.raises(ValidationError, match="Give the signatory's name"):
        Signatory().clean()


def test_the_featured_declaration_block_shows_its_commitments(client, site, enable_plugin):
    enable_plugin("declarations", site)
    declaration = make_declaration(make_declaration_index(site.root_page))
    value = {"declaration": declaration.pk, "show_commitments": True}
    _page, html = render_body_on(client, site, "declarations_featured", value)
    assert "Mechelen Declaration" in html and "Take concrete steps." in html
    form = urlsplit(declaration.get_url()).path + declaration.reverse_subpage("endorse")
    assert f'href="{form}"' in html, "to the form"


@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_restricted_declarations_stay_out_of_public_listings(client, restriction_type):
    cape_town = demo_page("declarations-cape-town-2011", "en")
    PageViewRestriction.objects.create(
        page=cape_town, restriction_type=restriction_type, password="secret"
    )
    timeline = client.get(demo_page(INDEX, "en").url).content.decode()
    assert "Toronto Declaration" in timeline and "Mechelen Declaration" in timeline
    assert "Cape Town Declaration" not in timeline and cape_town.url not in timeline
    toronto = client.get(demo_page(TORONTO, "en").url).content.decode()
    later = toronto[toronto.index("Later in the series") :]
    assert demo_page(MECHELEN, "en").url in later
    assert cape_town.url not in toronto, "not in Earlier/Later in the series"
    french = client.get(demo_page(INDEX, "fr").url).content.decode()
    assert "Déclaration du Cap" in french, "only the restricted translation is hidden"


def test_a_restricted_declaration_is_not_featured(client, site, enable_plugin):
    enable_plugin("declarations", site)
    declaration = make_declaration(make_declaration_index(site.root_page))
    PageViewRestriction.objects.create(page=declaration, restriction_type="login")
    _page, html = render_body_on(
        client, site, "declarations_featured", {"declaration": declaration.pk}
    )
    assert "featured-declaration" not in html and "Mechelen Declaration" not in html
    assert "Take concrete steps." not in html


# Endorsing, end to end ------------------------------------------------------------------------


def test_endorsing_stores_confirms_by_email_then_waits_for_an_editor(client, admin_client):
    page = demo_page(MECHELEN, "fr")
    before = public_count(client, page)

    response = endorse(client, page)
    assert response.status_code == 302
    assert response["Location"].endswith("/signer/merci/")
    endorsement = Endorsement.objects.get(organisation="Musée des Sciences")
    assert (endorsement.confirmed_at, endorsement.status, endorsement.language) == (
        None,
        EndorsementStatus.PENDING,
        "fr",
    )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anne@musee.example"]
    link = path_of(link_in(mail.outbox[0]))

    shown = client.get(link)
    assert shown.status_code == 200 and "Confirmer le soutien" in shown.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.confirmed_at is None, "opening the link alone confirms nothing"

    token = re.search(r'name="token" value="([^"]+)"', shown.content.decode())[1]
    confirmed = client.post(page.url + "confirm/", {"token": token})
    assert "Soutien confirmé" in confirmed.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.confirmed_at is not None
    assert public_count(client, page) == before, "not public before an editor approves"

    assert moderate(admin_client, endorsement).status_code == 302
    endorsement.refresh_from_db()
    assert endorsement.moderated_by.username == "admin"
    assert public_count(client, page) == before + 1
    assert public_count(client, demo_page(MECHELEN, "nl")) == before + 1, "in every language"
    index = client.get(demo_page(INDEX, "en").url).content.decode()
    assert f"{before + 1} endorsements" in index


def test_a_tampered_link_is_refused_and_changes_nothing(client):
    page = demo_page(MECHELEN, "en")
    endorse(client, page)
    link = path_of(link_in(mail.outbox[0]))
    tampered = link[:-3] + ("abc" if not link.endswith("abc") else "xyz")
    for method in (client.get, client.post):
        response = (
            method(tampered)
            if method is client.get
            else method(page.url + "confirm/", {"token": tampered.split("token=")[1]})
        )
        assert response.status_code == 400
        assert "This confirmation link is not valid" in response.content.decode()
    assert Endorsement.objects.get(organisation="Musée des Sciences").confirmed_at is None


def test_an_expired_link_is_refused_and_changes_nothing(client):
    page = demo_page(MECHELEN, "en")
    endorse(client, page)
    token = unquote(link_in(mail.outbox[0]).split("token=")[1])
    with freeze_time(timezone.now() + datetime.timedelta(days=4)):
        response = client.post(page.url + "confirm/", {"token": token})
    assert response.status_code == 400
    assert "This confirmation link has expired" in response.content.decode()
    assert Endorsement.objects.get(organisation="Musée des Sciences").confirmed_at is None


def test_a_link_for_another_declaration_is_refused(client):
    endorsement = make_endorsement(demo_page(MECHELEN, "en"), "Elsewhere", confirmed=False)
    other = demo_page(TORONTO, "en")
    response = client.get(other.url + "confirm/?token=" + confirmation_token(endorsement))
    assert response.status_code == 400


def test_a_duplicate_is_refused_politely_ignoring_case_and_accents(client):
    page = demo_page(MECHELEN, "en")
    make_endorsement(page, "Musée des Sciences")  # public: the page lists it anyway
    response = endorse(client, page, organisation="  MUSEE des   sciences ")
    html = response.content.decode()
    assert response.status_code == 200
    assert "has already endorsed this declaration and is listed" in html and "thank you" in html
    assert (
        Endorsement.objects.filter(declaration_key=page.translation_key)
        .filter(organisation_key="musee des sciences")
        .count()
        == 1
    )
    # On another declaration, the same organisation is welcome.
    assert endorse(client, demo_page(TORONTO, "en")).status_code == 302


@pytest.mark.parametrize("name", ["ﷺ" * 20, "Straße " + "ß" * 150])
def test_a_name_that_folds_longer_than_its_column_is_kept_and_deduplicated(client, name):
    """Folding made these keys longer than the column: PostgreSQL answered 500."""
    page = demo_page(MECHELEN, "en")
    assert len(name) <= 200 < len(without_accents(name)), "the form takes it, folded it is long"
    assert endorse(client, page, organisation=name).status_code == 302
    endorsement = Endorsement.objects.get(organisation=name)
    assert len(endorsement.organisation_key) <= KEY_MAX_LENGTH
    assert endorsement.organisation_key == organisation_key(name)
    endorsement.status = EndorsementStatus.APPROVED
    endorsement.confirmed_at = timezone.now()
    endorsement.save()

    again = endorse(client, page, organisation=name, email="other@example.org")
    assert again.status_code == 200
    assert "has already endorsed this declaration" in again.content.decode()
    # A long name that starts alike is another organisation: keys are not cut short.
    alike = name[:-1] + "x"
    assert endorse(client, page, organisation=alike).status_code == 302
    assert Endorsement.objects.of(page).filter(organisation__in=[name, alike]).count() == 2


def test_a_digest_key_never_matches_the_key_of_a_name():
    long_key = organisation_key("Straße " + "ß" * 150)
    assert long_key.startswith("SHA256:") and len(long_key) <= KEY_MAX_LENGTH
    assert organisation_key(long_key) != long_key, "folding leaves no capitals"
    assert organisation_key("  MUSÉE des   Sciences ") == "musee des sciences", "unchanged"


def test_a_rejected_or_never_confirmed_endorsement_does_not_block_a_new_one(client):
    page = demo_page(MECHELEN, "en")
    make_endorsement(page, "Rejected Lab", status="rejected")
    assert endorse(client, page, organisation="Rejected Lab").status_code == 302

    with freeze_time(timezone.now() - datetime.timedelta(days=10)):
        stale = make_endorsement(page, "Slow Lab", confirmed=False, status="pending")
    assert endorse(client, page, organisation="Slow Lab", country="Ireland").status_code == 302
    stale.refresh_from_db()
    assert stale.country == "Ireland", "the new details replace the unconfirmed ones"
    assert Endorsement.objects.filter(organisation="Slow Lab").count() == 1


def test_errors_are_given_field_by_field(client):
    page = demo_page(MECHELEN, "en")
    response = endorse(client, page, email="not-an-address", consent="", country="")
    html = response.content.decode()
    assert "Enter a valid e-mail address, such as name@example.org." in html
    assert "Please agree to the publication" in html
    assert 'aria-invalid="true"' in html
    assert not Endorsement.objects.filter(organisation="Musée des Sciences").exists()


@pytest.mark.parametrize("name", ["\u0301\u0301\u0301", "...", "- / -"])
def test_a_name_without_a_letter_or_digit_is_refused(client, name):
    """Accents with no letter to carry them fold to nothing, and punctuation alone names
    nobody: no organisation to list, nor to tell apart from another."""
    response = endorse(client, demo_page(MECHELEN, "en"), organisation=name)
    assert response.status_code == 200
    assert "Give the name of your organisation." in response.content.decode()
    assert not Endorsement.objects.filter(email=FORM["email"]).exists()


def test_the_robot_trap_stores_and_sends_nothing(client):
    response = endorse(client, demo_page(MECHELEN, "en"), extra_info="buy now")
    assert response.status_code == 200, "a person whose browser filled the trap is told why"
    assert "Your endorsement could not be sent. Please leave the field" in response.content.decode()
    assert not Endorsement.objects.filter(organisation="Musée des Sciences").exists()
    assert mail.outbox == []


@override_settings(DECLARATIONS_ENDORSEMENT_RATE_LIMIT=2)
def test_correcting_mistakes_does_not_count_against_the_rate_limit(client):
    page = demo_page(MECHELEN, "en")
    for _attempt in range(5):
        response = endorse(client, page, email="not-an-address")
        assert response.status_code == 200
        assert (
            "Enter a valid e-mail address, such as name@example.org." in response.content.decode()
        )
    make_endorsement(page, "Public Lab")
    assert endorse(client, page, organisation="Lab 1").status_code == 302
    duplicate = endorse(client, page, organisation="PUBLIC lab")
    assert duplicate.status_code == 200, "a refused duplicate does not count either"
    assert endorse(client, page, organisation="Lab 2").status_code == 302
    refused = endorse(client, page, organisation="Lab 3", email="lab3@example.org")
    assert refused.status_code == 429
    assert 'value="lab3@example.org"' in refused.content.decode(), "nothing typed is lost"


@override_settings(DECLARATIONS_ENDORSEMENT_RATE_LIMIT=2)
def test_too_many_endorsements_from_one_address_are_refused(client):
    page = demo_page(MECHELEN, "en")
    for number in range(2):
        assert endorse(client, page, organisation=f"Lab {number}").status_code == 302
    response = endorse(client, page, organisation="Lab 3")
    assert response.status_code == 429
    assert response["Retry-After"] == str(settings.DECLARATIONS_ENDORSEMENT_RATE_PERIOD)
    assert "Too many endorsements were sent from your network" in response.content.decode()
    assert not Endorsement.objects.filter(organisation="Lab 3").exists()
    other_address = client.post(
        page.url + "endorse/", {**FORM, "organisation": "Lab 4"}, REMOTE_ADDR="10.0.0.9"
    )
    assert other_address.status_code == 302


def test_an_email_failure_loses_nothing(client, caplog):
    page = demo_page(MECHELEN, "en")
    with mock.patch(
        "csti_cms.plugins.declarations.endorsements.send_mail", side_effect=OSError("down")
    ):
        response = endorse(client, page)
    assert response["Location"].endswith("/endorse/sent/?delivery=failed")
    assert Endorsement.objects.filter(organisation="Musée des Sciences").exists()
    assert "could not be sent" in caplog.text
    thanks = client.get(response["Location"]).content.decode()
    assert "could not send the confirmation e-mail" in thanks


def test_endorsing_again_after_a_failed_email_replaces_the_first_request(client):
    page = demo_page(MECHELEN, "en")
    with mock.patch(
        "csti_cms.plugins.declarations.endorsements.send_mail", side_effect=OSError("down")
    ):
        failed = endorse(client, page, email="typo@musee.example")
    assert failed["Location"].endswith("/endorse/sent/?delivery=failed")
    first = Endorsement.objects.get(organisation="Musée des Sciences")
    assert first.confirmation_failed

    retry = endorse(client, page, organisation="musee des sciences", email="anne@musee.example")
    assert retry.status_code == 302, "the thank-you page asked to endorse again"
    assert retry["Location"].endswith("/endorse/sent/")
    endorsement = Endorsement.objects.get(organisation_key="musee des sciences")
    assert endorsement.pk == first.pk, "the new request replaces the first"
    assert (endorsement.email, endorsement.confirmation_failed) == ("anne@musee.example", False)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anne@musee.example"]
    token = unquote(link_in(mail.outbox[0]).split("token=")[1])
    confirmed = client.post(page.url + "confirm/", {"token": token})
    assert "Endorsement confirmed" in confirmed.content.decode()

    # Once its link is sent, nobody can swap in their own details: another request stays
    # beside it, for the editors.
    other = endorse(client, page, email="someone@else.example")
    assert other["Location"].endswith("/endorse/sent/")
    endorsement.refresh_from_db()
    assert endorsement.email == "anne@musee.example"
    assert Endorsement.objects.filter(organisation_key="musee des sciences").count() == 2


@pytest.mark.parametrize("confirmed", [False, True], ids=["unconfirmed", "awaiting-editor"])
def test_a_waiting_request_is_never_revealed_and_a_second_one_is_kept(client, confirmed):
    """The form answered "already endorsed, or waiting for confirmation" for a request no
    editor had seen: anyone typing a name learnt it was pending. A second request is now
    answered as a first one, and kept beside the first for the editors."""
    page = demo_page(MECHELEN, "en")
    other_name = {"organisation": "Planétarium de Namur", "email": "p@namur.example"}
    first_time = endorse(client, page, **other_name)
    first = endorse(client, page)
    waiting = Endorsement.objects.get(organisation="Musée des Sciences")
    if confirmed:
        waiting.confirmed_at = timezone.now()
        waiting.save()
    mail.outbox.clear()

    second = endorse(client, page, organisation="MUSEE des sciences", email="someone@else.example")
    assert second.status_code == first.status_code == first_time.status_code == 302
    assert second["Location"] == first["Location"] == first_time["Location"]
    thanks = client.get(second["Location"]).content.decode()
    assert "waiting" not in thanks and "already" not in thanks

    waiting.refresh_from_db()
    assert (waiting.email, waiting.country) == ("anne@musee.example", "Belgique"), "untouched"
    requests = Endorsement.objects.of(page).filter(organisation_key="musee des sciences")
    assert requests.count() == 2, "nothing is lost: the editors see both"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["someone@else.example"]
    assert public_count(client, page) == public_count(client, demo_page(MECHELEN, "fr"))


def test_editors_approve_one_of_two_requests_of_an_organisation(client, english_admin_client):
    page = demo_page(MECHELEN, "en")
    endorse(client, page)
    endorse(client, page, email="someone@else.example")
    before = public_count(client, page)
    for token in [unquote(link_in(message).split("token=")[1]) for message in mail.outbox]:
        client.post(page.url + "confirm/", {"token": token})
    genuine, other = Endorsement.objects.filter(organisation="Musée des Sciences").order_by("pk")
    assert genuine.is_confirmed and other.is_confirmed

    def approve(endorsement):
        return moderate(english_admin_client, endorsement)

    assert approve(genuine).status_code == 302
    refused = approve(other)
    assert refused.status_code == 200
    assert "already has an approved endorsement of this declaration" in refused.content.decode()
    other.refresh_from_db()
    assert other.status == EndorsementStatus.PENDING
    assert public_count(client, page) == before + 1, "listed once"
    again = endorse(client, page, email="third@else.example")
    assert "has already endorsed this declaration and is listed" in again.content.decode()


def test_a_declaration_can_be_closed_to_endorsements(client):
    page = demo_page(MECHELEN, "en")
    DeclarationPage.objects.filter(translation_key=page.translation_key).update(
        accepts_endorsements=False
    )
    assert 'id="endorse"' not in client.get(page.url).content.decode()
    assert client.get(page.url + "endorse/").status_code == 404
    assert endorse(client, page).status_code == 404


def test_the_thank_you_page_closes_with_the_form(client):
    page = demo_page(MECHELEN, "en")
    assert client.get(page.url + "endorse/sent/").status_code == 200
    DeclarationPage.objects.filter(translation_key=page.translation_key).update(
        accepts_endorsements=False
    )
    for language in ("en", "fr"):
        for query in ("", "?delivery=failed"):
            url = demo_page(MECHELEN, language).url + "endorse/sent/" + query
            assert client.get(url).status_code == 404, url


def test_the_declaration_links_to_its_form_and_sets_no_cookie(client):
    page = demo_page(MECHELEN, "en")
    response = client.get(page.url)
    html = response.content.decode()
    assert f'href="{page.url}endorse/"' in html
    assert "<form" not in html.split('id="endorse"')[1]
    assert not response.cookies, "a shared cache can keep the declaration"
    form_page = client.get(page.url + "endorse/")
    assert form_page.status_code == 200
    assert 'name="organisation"' in form_page.content.decode()
    assert "csrftoken" in form_page.cookies
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', form_page.content.decode())
    assert canonical[1].endswith(page.url + "endorse/"), "its own, as hreflang says"
    trail = form_page.content.decode().split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert f'<li><a href="{page.url}">{page.title}</a></li>' in trail, "a way back"
    assert "aria-current" not in trail


# Moderation in the admin ----------------------------------------------------------------------


def test_an_unconfirmed_endorsement_cannot_be_approved(admin_client):
    endorsement = make_endorsement(
        demo_page(MECHELEN), "Hasty Lab", confirmed=False, status="pending"
    )
    response = moderate(admin_client, endorsement)
    assert response.status_code == 200
    assert "n’a pas encore été confirmé" in response.content.decode()  # admin in French
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.PENDING


def test_the_csv_export_runs_no_formula_a_visitor_typed(admin_client):
    """Organisations and countries come from the public form, and go into spreadsheets."""
    page = demo_page(MECHELEN)
    make_endorsement(page, '=HYPERLINK("http://evil.example","Click")', country="+1+1")
    export = admin_client.get(
        reverse("endorsements:index"), {"export": "csv", "declaration": page.translation_key}
    )
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    cells = {cell for row in csv.reader(lines) for cell in row}
    assert '\'=HYPERLINK("http://evil.example","Click")' in cells
    assert "'+1+1" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_editors_filter_and_export_endorsements_as_csv(english_admin_client):
    page = demo_page(MECHELEN)
    make_endorsement(page, "Waiting Lab", confirmed=False, status="pending")
    index = reverse("endorsements:index")
    listing = english_admin_client.get(index, {"status": "pending"}).content.decode()
    assert "Waiting Lab" in listing and "Sparkhouse Science Centre" not in listing
    assert "Download XLSX" not in listing

    filters = {"export": "csv", "declaration": page.translation_key}
    export = english_admin_client.get(index, filters)
    assert export["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(b"".join(export.streaming_content).decode("utf-8-sig").splitlines()))
    organisations = sorted(row[1] for row in rows[1:])
    assert organisations == sorted(
        ["Atelier Éprouvette", "Kijkdoos Wetenschapscentrum", "Sparkhouse Science Centre"]
        + ["Waiting Lab"]
    )
    cells = {cell for row in rows for cell in row}
    assert {"contact@example.org", "Awaiting moderation", "Approved"} <= cells, "as listed"


def test_endorsements_are_not_added_by_hand(admin_client):
    """Endorsements come from the public form: Wagtail sends even a superuser back."""
    endorsements = Endorsement.objects.count()
    add, dashboard = reverse("endorsements:add"), reverse("wagtailadmin_home")
    for response in (admin_client.get(add), admin_client.post(add, FORM)):
        assert (response.status_code, response.headers.get("Location")) == (302, dashboard)
    assert Endorsement.objects.count() == endorsements


# The per-site switch --------------------------------------------------------------------------


def test_switching_off_hides_everything_and_deletes_nothing(client, admin_client):
    site = demo_site()
    page, index = demo_page(MECHELEN, "en"), demo_page(INDEX, "en")
    endorsements = Endorsement.objects.count()
    disable("declarations", site)
    for url in (index.url, page.url, page.url + "endorse/sent/", page.url + "confirm/?token=x"):
        assert client.get(url).status_code == 404, url
    assert endorse(client, page).status_code == 404
    home = client.get(demo_page("home", "en").url).content.decode()
    assert f'href="{index.url}"' not in home
    admin = admin_client.get("/admin/").content.decode()
    assert reverse("endorsements:index") not in admin
    assert admin_client.get(reverse("endorsements:index"), follow=True).status_code == 404
    assert Endorsement.objects.count() == endorsements
    assert DeclarationPage.objects.filter(translation_key=page.translation_key).count() == 3

    enable("declarations", site)
    assert client.get(page.url).status_code == 200
    assert reverse("endorsements:index") in admin_client.get("/admin/").content.decode()


def test_a_declaration_must_be_a_pdf(site):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    declaration = make_declaration(make_declaration_index(site.root_page))
    declaration.document = Document.objects.create(
        title="Text", file=ContentFile(b"hello", name="text.txt")
    )
    with pytest.raises(ValidationError, match="PDF"):
        declaration.full_clean()


# Query bounds ---------------------------------------------------------------------------------


def _grow(index, declarations, count, start=0):
    first = declarations[0]
    for number in range(start, start + count):
        other = make_declaration(
            index, f"Declaration {number}", date=datetime.date(2000 + number % 20, 1, 1)
        )
        first.related_links.create(declaration=other)
        first.signatories.create(name=f"Signatory {number}")
        make_endorsement(first, f"Endorser {number}")
        make_endorsement(other, f"Endorser {number}")
    first.save_revision().publish()


def test_pages_cost_the_same_queries_with_few_or_many(client, site, enable_plugin):
    enable_plugin("declarations", site)
    index = make_declaration_index(site.root_page)
    declaration = make_declaration(index)
    _grow(index, [declaration], 1)
    featured, _html = render_body_on(
        client, site, "declarations_featured", {"declaration": declaration.pk}
    )

    def counts():
        return [
            count_queries(client, index, site)[0],
            count_queries(client, declaration, site)[0],
            count_queries(client, featured, site)[0],
        ]

    few = counts()
    _grow(index, [declaration], 25, start=1)
    many = counts()
    assert many == few, f"{few} queries with one declaration, {many} with 26 and more endorsers"
    assert max(many) <= QUERY_BOUND
    assert "26 organisations soutiennent" in get_page(client, declaration, site).content.decode()


def test_a_mistyped_e_mail_address_gets_the_sites_own_wording(client):
    page = demo_page(MECHELEN, "en")
    response = endorse(client, page, email="marie.example.org")
    assert response.status_code == 200
    assert "Enter a valid e-mail address, such as name@example.org." in response.content.decode()


def test_the_confirmation_subject_shows_the_title_as_written(client):
    """A subject is plain text: an apostrophe or an ampersand escaped for HTML showed as
    “&#x27;” and “&amp;” in the endorser's inbox."""
    page = demo_page(MECHELEN, "en")
    page.title = "Brussels & Mechelen's Declaration"
    page.save_revision().publish()
    endorse(client, page)
    expected = "Confirm your endorsement of “Brussels & Mechelen's Declaration”"
    assert mail.outbox[0].subject == expected
