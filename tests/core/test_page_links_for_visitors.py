"""Links of page bodies lead only to pages visitors may see, at a bounded cost.

Rich text, cards, calls to action and the audience chooser leave out a page that is
unpublished or restricted to some visitors (password, login): a link would answer 404
or ask to log in, and its title and description would tell what the page hides. All the
links of a body are read together: a body costs the same queries with one block of each
kind as with twelve.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from csti_cms.core.models import ContentPage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def rich_text_link(target, text):
    return f'<a linktype="page" id="{target.pk}">{text}</a>'


def publish_body(home, slug, body):
    """A content page under ``home`` holding ``body``, published."""
    article = home.add_child(instance=ContentPage(title="Plus loin", slug=slug, body=body))
    article.save_revision().publish()
    return article


def body_html(client, article):
    """The HTML of the blocks of ``article``: menus and footer, which list pages of their
    own, left out."""
    html = client.get(article.url).content.decode()
    return html[html.index("<h1>") : html.index("</main>")]


def blocks_linking(target):
    """One block of each kind that links ``target``, without a text of its own."""
    return [
        ("paragraph", f"<p>{rich_text_link(target, 'en savoir plus')}</p>"),
        ("call_to_action", {"title": "Venez", "text": "", "link": {"page": target}}),
        ("card_grid", {"heading": "À voir", "cards": [{"page": target}]}),
        (
            "audiences",
            {"entries": [{"audience": "visitors", "label": "Je visite", "page": target}]},
        ),
    ]


def test_a_rich_text_link_to_an_unpublished_page_keeps_only_its_words(client, home_fr):
    about, contact = demo_page("about"), demo_page("contact")
    links = [rich_text_link(about, "qui sommes-nous"), rich_text_link(contact, "écrire")]
    paragraph = f"<p>{' '.join(links)}</p>"
    article = publish_body(home_fr, "liens-depublies", [("paragraph", paragraph)])
    about.unpublish()

    html = body_html(client, article)
    assert "<a>qui sommes-nous</a>" in html
    assert f'<a href="{contact.url}">écrire</a>' in html


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "curie"},
        {"restriction_type": PageViewRestriction.LOGIN},
    ],
    ids=["password", "login"],
)
def test_blocks_do_not_advertise_a_restricted_page(client, home_fr, restriction):
    about_us = demo_page("about")
    article = publish_body(home_fr, "liens-prives", blocks_linking(about_us))
    shown = body_html(client, article)
    assert shown.count(f'href="{about_us.url}"') == 4, "each block links the page while public"

    PageViewRestriction.objects.create(page=about_us, **restriction)
    hidden = body_html(client, article)
    assert about_us.url not in hidden
    assert about_us.title not in hidden
    assert "<a>en savoir plus</a>" in hidden


def test_a_page_under_a_restricted_page_is_not_advertised_either(client, home_fr):
    section = demo_page("about")
    subpage = section.add_child(instance=ContentPage(title="Notre équipe", slug="equipe"))
    subpage.save_revision().publish()
    article = publish_body(home_fr, "liens-sous-prives", blocks_linking(subpage))
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)

    html = body_html(client, article)
    assert subpage.url not in html
    assert "Notre équipe" not in html


def body_of(copies, targets, document):
    """A body with ``copies`` links of each kind: rich text, FAQ answers, calls to action,
    downloads, cards and audience entries, each leading to another of ``targets``."""
    links = targets[:copies]
    faq = [
        {"question": f"Question {n} ?", "answer": f"<p>{rich_text_link(target, 'Voir')}</p>"}
        for n, target in enumerate(links)
    ]
    paragraph = " ".join(rich_text_link(target, "Lire") for target in links)
    return [
        ("paragraph", f"<p>{paragraph}</p>"),
        ("faq", {"heading": "", "questions": faq}),
        *[
            ("call_to_action", {"title": "Venez", "text": "", "link": {"page": target}})
            for target in links
        ],
        *[("downloads", {"heading": "", "documents": [{"document": document}]})] * copies,
        ("card_grid", {"heading": "", "cards": [{"page": target} for target in links]}),
        ("audiences", {"entries": [{"audience": "visitors", "label": "Venir", "page": links[-1]}]}),
    ]


def queries_of(client, article):
    client.get(article.url)  # caches warm, as on a running site
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url).status_code == 200
    return len(queries)


def test_a_body_costs_the_same_queries_with_one_or_twelve_links_of_each_kind(client, home_fr):
    targets = list(
        Page.objects.live()
        .public()
        .filter(locale__language_code="fr", depth__gt=home_fr.depth)
        .order_by("path")[:12]
    )
    document = get_document_model().objects.first()
    assert len(targets) == 12 and document is not None
    few = publish_body(home_fr, "peu-de-liens", body_of(1, targets, document))
    many = publish_body(home_fr, "beaucoup-de-liens", body_of(12, targets, document))

    assert body_html(client, many).count('href="') > body_html(client, few).count('href="') + 40
    assert queries_of(client, many) == queries_of(client, few)
