"""A page's meta description: the editor's search description as written, else its
introduction cut to what search results show, on a whole word."""

import lxml.html
import pytest

from csti_cms.core.models.pages import META_DESCRIPTION_LENGTH, shortened_description
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

LONG_INTRODUCTION = (
    "Chaque année, le centre réunit chercheurs, enseignants et familles autour d'une "
    "déclaration commune sur la place des sciences dans la société, signée au Cap en 2011 "
    "par quarante centres de culture scientifique du monde entier, et relue depuis."
)


def descriptions(client, described):
    """``(meta description, og:description)`` of the page."""
    tree = lxml.html.fromstring(client.get(described.url).content)
    (description,) = tree.xpath("//meta[@name='description']/@content")
    (shared,) = tree.xpath("//meta[@property='og:description']/@content")
    return description, shared


def publish(edited, **fields):
    for name, value in fields.items():
        setattr(edited, name, value)
    edited.save_revision().publish()


def test_a_long_introduction_is_cut_on_a_word_with_an_ellipsis(client):
    about = demo_page("about")
    publish(about, introduction=LONG_INTRODUCTION, search_description="")
    description, shared = descriptions(client, about)
    assert description == shared
    assert len(description) <= META_DESCRIPTION_LENGTH
    assert description.endswith("…")
    kept = description.removesuffix("…")
    assert LONG_INTRODUCTION.startswith(kept)
    assert LONG_INTRODUCTION[len(kept)] == " "
    assert len(kept) > META_DESCRIPTION_LENGTH - 20


def test_the_editor_s_search_description_is_kept_whole(client):
    """The editor chose its words: search engines are left to cut them."""
    about = demo_page("about")
    publish(about, introduction="Court.", search_description=LONG_INTRODUCTION)
    assert descriptions(client, about) == (LONG_INTRODUCTION, LONG_INTRODUCTION)


def test_a_short_introduction_is_the_description_as_written(client):
    about = demo_page("about")
    publish(about, introduction="Le centre des sciences de la ville.", search_description="")
    assert descriptions(client, about)[0] == "Le centre des sciences de la ville."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("word " * 40, ("word " * 32).strip() + "…"),
        ("a" * 200, "a" * 159 + "…"),
        ("x" * 159 + " and more", "x" * 159 + "…"),
        ("first,\nsecond " + "y" * 160, "first, second…"),
    ],
)
def test_a_shortened_description_ends_on_a_whole_word(text, expected):
    assert shortened_description(text) == expected
