"""The video block in a real Chromium: YouTube hears of a visitor only once they play the video."""

import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ROOT

pytestmark = pytest.mark.browser

VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
TITLE = "How does a pendulum keep time?"

#: Adds a page with a video to the demo server's database, with YouTube's answer stored as
#: Wagtail stores it: the page is shown without asking the network.
ADD_VIDEO_PAGE = f"""
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page

from csti_cms.core.demo_content import stable_uuid
from csti_cms.core.models import ContentPage

url = {VIDEO_URL!r}
Embed.objects.update_or_create(
    hash=get_embed_hash(url, None, None),
    defaults=dict(
        url=url,
        type="video",
        width=200,
        height=113,
        html='<iframe width="200" height="113" src="https://www.youtube.com/embed/dQw4w9WgXcQ'
        '?feature=oembed" allowfullscreen title="Rick Astley - Never Gonna Give You Up"></iframe>',
    ),
)
about = Page.objects.get(
    translation_key=stable_uuid("page", "about"), locale__language_code="en"
).specific
page = about.get_children().filter(slug="pendulum-video").first()
if page is None:
    page = about.add_child(
        instance=ContentPage(
            title="The pendulum on video",
            slug="pendulum-video",
            body=[
                (
                    "video",
                    {{"video": url, "title": {TITLE!r}, "transcript": "<p>The bob swings.</p>"}},
                )
            ],
        )
    )
    page.save_revision().publish()
print(page.specific.get_url())
"""


@pytest.fixture(scope="module")
def video_page(demo_env, demo_server):
    """The address of a page of the demo server with a YouTube video."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", ADD_VIDEO_PAGE],
        cwd=ROOT,
        env=demo_env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return demo_server + done.stdout.strip().splitlines()[-1]


def is_outside(url):
    return urlsplit(url).hostname not in {"127.0.0.1", "localhost"}


def test_the_player_loads_from_the_provider_only_after_the_click(page, video_page, axe_violations):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # Offline, the player cannot load anyway: outside requests are recorded, then refused.
    page.route(is_outside, lambda route: route.abort())
    page.goto(video_page)
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if is_outside(url)] == []
    assert page.locator("iframe").count() == 0
    assert axe_violations(page) == []

    play = page.get_by_role("button", name=re.compile("Play video"))
    expect(play).to_contain_text(TITLE)
    expect(page.locator(".block-video__notice")).to_contain_text("loads it from YouTube")
    expect(page.locator("a.block-video__start")).to_be_hidden()
    play.click()

    player = page.locator(".block-video__player iframe")
    expect(player).to_have_attribute("title", TITLE)
    address = urlsplit(player.get_attribute("src"))
    assert address.hostname == "www.youtube-nocookie.com"
    assert "autoplay=1" in address.query
    # Keyboard users carry on from the player, which replaced the button.
    expect(player).to_be_focused()
    # The policy let the browser ask for it (a frame it blocks makes no request).
    page.wait_for_timeout(500)
    assert any(urlsplit(url).hostname == "www.youtube-nocookie.com" for url in requested)


def test_without_javascript_the_video_is_a_link_to_the_provider(browser, video_page):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(is_outside, lambda route: route.abort())
    page.goto(video_page)
    link = page.locator("a.block-video__start")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", VIDEO_URL)
    expect(link).to_contain_text("Watch on YouTube")
    expect(page.locator("button.block-video__start")).to_be_hidden()
    context.close()
