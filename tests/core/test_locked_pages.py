"""Pages an editor locked with a password or kept for logged-in visitors ask for it in the
site's own layout.

Wagtail's default forms are bare pages: no header, footer or stylesheet, no viewport (tiny on
a phone), and nothing telling search engines not to keep a "Password required" page. The
site's forms (csti_core/password_required.html and csti_core/login.html) name their fields
and announce what to correct as the site's other forms do, in the language of the address.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail import hooks
from wagtail.models import PageViewRestriction

from csti_cms.core.hooks import PAGE_HEAD
from tests.conftest import LANGUAGES, demo_page
from tests.core.test_error_pages import outline

pytestmark = pytest.mark.django_db

SKIP_LINK = 'href="#main-content"'


def assert_in_site_layout(response, language):
    html = response.content.decode()
    shape = outline(response)
    assert SKIP_LINK in html, "the site's header, footer and stylesheet"
    assert {"header", "main", "footer"} <= set(shape.landmarks)
    assert 'name="viewport"' in html
    assert shape.lang == language
    assert shape.robots == "noindex"
    assert shape.alternates == [], "no language versions announced to search engines"
    assert shape.headings[:1] == [1] and shape.headings.count(1) == 1
    assert len(shape.ids) == len(set(shape.ids)), "ids are unique"


def form_action(html):
    return re.search(r'<form class="enquiry-form" method="post" action="([^"]+)"', html).group(1)


def hidden_value(html, name):
    return re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', html).group(1)


def assert_field_is_labelled(html, name):
    field_id = re.search(rf'<input[^>]* name="{name}"[^>]* id="([^"]+)"', html).group(1)
    assert f'<label for="{field_id}">' in html


def assert_error_is_announced(html, name):
    summary = html.split('class="form-summary" role="alert"', 1)
    assert len(summary) == 2, "the error summary, announced"
    assert re.search(rf'<input[^>]* name="{name}"[^>]* aria-invalid="true"', html)


@pytest.fixture
def locked_with_password():
    def lock(language):
        networks = demo_page("our-networks", language)
        PageViewRestriction.objects.create(
            page=networks, restriction_type=PageViewRestriction.PASSWORD, password="curie"
        )
        return networks

    return lock


@pytest.fixture
def kept_for_logged_in_visitors():
    def keep(language):
        legal_notice = demo_page("legal-notice", language)
        PageViewRestriction.objects.create(
            page=legal_notice, restriction_type=PageViewRestriction.LOGIN
        )
        return legal_notice

    return keep


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_password_form_is_in_the_site_layout(client, locked_with_password, language):
    networks = locked_with_password(language)
    response = client.get(networks.url)
    assert response.status_code == 200
    assert_in_site_layout(response, language)
    html = response.content.decode()
    assert networks.title not in outline(response).title, "the title is for those with the password"
    assert_field_is_labelled(html, "password")
    # Password managers fill it, and a visitor may paste it (WCAG 3.3.8).
    assert re.search(r'<input type="password"[^>]* autocomplete="current-password"', html)
    assert f"/{language}/_util/authenticate_with_password/" in form_action(html)
    if language == "en":
        assert "Password required" in outline(response).title


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_password_is_announced_and_the_right_one_opens_the_page(
    client, locked_with_password, language
):
    networks = locked_with_password(language)
    action = form_action(client.get(networks.url).content.decode())
    wrong = client.post(action, {"password": "pasteur", "return_url": networks.url})
    assert wrong.status_code == 200
    assert_in_site_layout(wrong, language)
    assert_error_is_announced(wrong.content.decode(), "password")
    right = client.post(action, {"password": "curie", "return_url": networks.url})
    assert right.status_code == 302 and right["Location"] == networks.url
    opened = client.get(networks.url)
    assert opened.status_code == 200
    assert networks.title in outline(opened).title
    assert 'name="password"' not in opened.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_login_form_is_in_the_site_layout(client, kept_for_logged_in_visitors, language):
    legal_notice = kept_for_logged_in_visitors(language)
    response = client.get(legal_notice.url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{language}/_util/login/?next=")
    login = client.get(response["Location"])
    assert login.status_code == 200
    assert_in_site_layout(login, language)
    html = login.content.decode()
    assert_field_is_labelled(html, "username")
    assert_field_is_labelled(html, "password")
    assert hidden_value(html, "next") == legal_notice.url
    if language == "en":
        assert "Log in" in outline(login).title


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_login_is_announced_and_the_right_one_opens_the_page(
    client, kept_for_logged_in_visitors, language
):
    legal_notice = kept_for_logged_in_visitors(language)
    get_user_model().objects.create_user("marie", password="radium-1898")
    login_url = client.get(legal_notice.url)["Location"]
    action = form_action(client.get(login_url).content.decode())
    sent = {"username": "marie", "password": "polonium", "next": legal_notice.url}
    wrong = client.post(action, sent)
    assert wrong.status_code == 200
    assert_in_site_layout(wrong, language)
    html = wrong.content.decode()
    assert 'class="form-summary" role="alert"' in html
    assert hidden_value(html, "next") == legal_notice.url, "the page asked for is kept"
    right = client.post(action, {**sent, "password": "radium-1898"})
    assert right.status_code == 302 and right["Location"] == legal_notice.url
    opened = client.get(legal_notice.url)
    assert opened.status_code == 200
    assert legal_notice.title in outline(opened).title


def test_logging_in_without_a_page_asked_for_leads_to_the_home_page(client):
    get_user_model().objects.create_user("marie", password="radium-1898")
    login = client.get("/nl/_util/login/")
    assert_in_site_layout(login, "nl")
    home_nl = demo_page("home", "nl")
    assert hidden_value(login.content.decode(), "next") == home_nl.url
    answer = client.post(
        "/nl/_util/login/", {"username": "marie", "password": "radium-1898", "next": home_nl.url}
    )
    assert answer.status_code == 302 and answer["Location"] == home_nl.url


def test_switching_language_on_the_login_form_keeps_the_page_asked_for(
    client, kept_for_logged_in_visitors
):
    legal_notice = kept_for_logged_in_visitors("fr")
    login = client.get(client.get(legal_notice.url)["Location"])
    switch = re.search(r'<a href="([^"]+)" hreflang="nl"', login.content.decode()).group(1)
    assert switch.startswith("/nl/_util/login/?")
    in_dutch = client.get(switch)
    assert hidden_value(in_dutch.content.decode(), "next") == legal_notice.url
    get_user_model().objects.create_user("marie", password="radium-1898")
    sent = {"username": "marie", "password": "radium-1898", "next": legal_notice.url}
    logged_in = client.post(form_action(in_dutch.content.decode()), sent)
    assert logged_in.status_code == 302
    assert logged_in["Location"] == demo_page("legal-notice", "nl").url, "the page, in Dutch"


def test_the_login_form_carries_no_page_of_another_host_to_the_language_switcher(client):
    login = client.get("/fr/_util/login/", {"next": "https://elsewhere.example/"})
    switch = re.search(r'<a href="([^"]+)" hreflang="nl"', login.content.decode()).group(1)
    assert switch == "/nl/_util/login/"


def test_the_password_form_tells_plugins_nothing_of_the_locked_page(client, locked_with_password):
    networks = locked_with_password("en")

    def describe(request, shown):
        return f'<meta name="plugin-saw" content="{shown.title if shown else "no page"}">'

    with hooks.register_temporarily(PAGE_HEAD, describe):
        html = client.get(networks.url).content.decode()
    assert '<meta name="plugin-saw" content="no page">' in html
    assert networks.title not in html.split("</head>")[0]
