"""A mistyped floor area or capacity is refused with a plain message, not a database limit."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from csti_cms.venues.models import VenueSpacePage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("area", 99_999_999, "At most 50000 m² for one space."),
        ("capacity_theatre", 250_000, "At most 10000 guests in one space."),
    ],
)
def test_an_absurd_figure_is_refused_in_words(field, value, message):
    space = demo_page("space-auditorium", "en").specific
    setattr(space, field, value)
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        space.full_clean()
    with translation.override("en"):
        assert refused.value.message_dict[field] == [message]


def test_every_demo_space_stays_within_the_bounds():
    spaces = list(VenueSpacePage.objects.all())
    assert spaces, "the demo has venue spaces to check"
    for space in spaces:
        space.full_clean()
