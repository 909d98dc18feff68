"""French demo text keeps its punctuation on the line of the word it belongs to.

French sets a space before : ; ! ? » and after «; an ordinary space lets a browser
break the line there and start a line with a lone "?" or "»". The demo content is
what a new centre copies, so it should show the non-breaking space the project's
catalogues use.
"""

import json
import re

import pytest
from django.conf import settings

from csti_cms.plugins.declarations import demo_data as declarations_demo
from csti_cms.plugins.memberships import demo_data as memberships_demo

#: An ordinary space where French wants a non-breaking one.
BREAKABLE = re.compile(r" [:;!?»]|« ")


def french_values(data, french=False):
    """Every text under a ``"fr"`` key of ``data``, however deeply nested."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from french_values(value, french or key == "fr")
    elif isinstance(data, list | tuple):
        for value in data:
            yield from french_values(value, french)
    elif isinstance(data, str) and french:
        yield data


def demo_sources():
    for path in sorted(settings.CSTI_DEMO_CONTENT_DIR.glob("*.json")):
        yield path.name, json.loads(path.read_text(encoding="utf-8"))
    for module in (declarations_demo, memberships_demo):
        names = [name for name in vars(module) if name.isupper()]
        yield module.__name__, {name: getattr(module, name) for name in names}


@pytest.mark.parametrize(
    ("source", "data"), [pytest.param(*source, id=source[0]) for source in demo_sources()]
)
def test_french_punctuation_is_held_by_a_non_breaking_space(source, data):
    values = list(french_values(data))
    assert values, f"{source} has French text"
    breakable = [
        match.string[max(match.start() - 20, 0) : match.end() + 5]
        for value in values
        for match in BREAKABLE.finditer(value)
    ]
    assert breakable == [], f"{source}: use U+00A0 around French punctuation"


def test_a_french_value_with_a_breakable_space_is_caught():
    assert BREAKABLE.search("Atelier : programmer un robot")
    assert not BREAKABLE.search("Atelier\u00a0: programmer un robot, de 10:00 à 12:00")
