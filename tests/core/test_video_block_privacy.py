"""The video block sends nothing to YouTube or Vimeo until the visitor plays the video, and
accepts only the providers whose players the Content-Security-Policy lets browsers show."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from csti_cms.blocks import VideoEmbedBlock
from csti_cms.blocks.players import VIDEO_PROVIDERS, player_address
from csti_cms.core.models import ContentPage
from csti_cms.settings import base as base_settings
from tests.conftest import demo_page

YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
YOUTUBE_PLAYER = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/dQw4w9WgXcQ?'
    'feature=oembed" frameborder="0" allowfullscreen title="Rick Astley - Never Gonna"></iframe>'
)
VIMEO_URL = "https://vimeo.com/76979871"
VIMEO_PLAYER = (
    '<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;app_id=122963" '
    'width="640" height="360" frameborder="0" title="The New Vimeo Player"></iframe>'
)
TITLE = "How does a pendulum keep time?"
VIDEO_HOSTS = ("youtube", "vimeo", "ytimg", "vimeocdn", "googlevideo")


@pytest.fixture
def stored_players(db):
    """The providers' answers as Wagtail stores them, so no test asks the network."""
    for url, html, width, height in [
        (YOUTUBE_URL, YOUTUBE_PLAYER, 200, 113),
        (VIMEO_URL, VIMEO_PLAYER, 640, 360),
    ]:
        Embed.objects.create(
            url=url,
            hash=get_embed_hash(url, None, None),
            html=html,
            type="video",
            width=width,
            height=height,
            provider_name="",
            thumbnail_url="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg",
        )


def cleaned(url, title=TITLE):
    block = VideoEmbedBlock()
    return block.clean(block.to_python({"video": url, "title": title, "transcript": ""}))


@pytest.mark.parametrize(
    "url",
    [
        "https://www.dailymotion.com/video/x8abcde",
        "https://twitter.com/sciencecentre/status/1234567890",
        "https://videos.example-peertube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
    ],
)
@pytest.mark.django_db
def test_a_video_from_another_provider_is_refused_naming_the_accepted_ones(url):
    with pytest.raises(StructBlockValidationError) as refused:
        cleaned(url)
    message = " ".join(refused.value.block_errors["video"].messages)
    assert "YouTube" in message and "Vimeo" in message


@pytest.mark.django_db
def test_the_refusal_keeps_the_other_fields_errors():
    with pytest.raises(StructBlockValidationError) as refused:
        cleaned("https://www.dailymotion.com/video/x8abcde", title="")
    assert set(refused.value.block_errors) == {"video", "title"}


@pytest.mark.parametrize("url", [YOUTUBE_URL, VIMEO_URL])
def test_youtube_and_vimeo_videos_are_accepted(stored_players, url):
    assert cleaned(url)["video"].url == url


def test_wagtail_looks_videos_up_at_the_accepted_providers_only():
    """The rich-text editor and the block ask the same providers the block accepts."""
    (finder,) = base_settings.WAGTAILEMBEDS_FINDERS
    assert finder["providers"] == list(VIDEO_PROVIDERS.values())


@pytest.mark.parametrize(
    ("player", "address"),
    [
        (
            YOUTUBE_PLAYER,
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?feature=oembed&autoplay=1",
        ),
        (
            VIMEO_PLAYER,
            "https://player.vimeo.com/video/76979871?h=8272103f6e&app_id=122963&dnt=1&autoplay=1",
        ),
        (
            '<iframe src="https://player.vimeo.com/video/1?dnt=0&autoplay=0">',
            "https://player.vimeo.com/video/1?dnt=0&autoplay=1",
        ),
        ('<iframe src="https://www.dailymotion.com/embed/video/x8abcde">', None),
        ('<blockquote class="twitter-tweet"></blockquote><script src="x.js"></script>', None),
    ],
)
def test_the_player_plays_from_the_cookieless_address_at_once(player, address):
    assert player_address(player) == address


@pytest.mark.parametrize("player", [YOUTUBE_PLAYER, VIMEO_PLAYER])
def test_the_players_come_from_hosts_the_policy_frames(player):
    host = urlsplit(player_address(player)).hostname
    assert f"https://{host}" in settings.CSTI_CONTENT_SECURITY_POLICY["frame-src"]


class Requests(HTMLParser):
    """The addresses a browser fetches on its own while reading a page (not the links)."""

    FETCHED = {"src", "srcset", "poster", "data"}

    def __init__(self):
        super().__init__()
        self.addresses = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name in self.FETCHED or (tag == "link" and name == "href")):
                self.addresses.append(value)


def page_with_videos(client, videos):
    home = demo_page("home", "en")
    page = home.add_child(
        instance=ContentPage(
            title="Pendulums",
            slug="pendulums",
            body=[
                ("video", {"video": url, "title": title, "transcript": transcript})
                for url, title, transcript in videos
            ],
        )
    )
    page.save_revision().publish()
    return client.get(page.url).content.decode()


def test_a_page_with_a_video_loads_nothing_from_the_provider(client, stored_players):
    html = page_with_videos(
        client,
        [
            (YOUTUBE_URL, TITLE, "<p>The bob swings back and forth.</p>"),
            (VIMEO_URL, "Foucault's pendulum", ""),
        ],
    )
    assert "<iframe" not in html
    parser = Requests()
    parser.feed(html)
    fetched = [address for address in parser.addresses if any(h in address for h in VIDEO_HOSTS)]
    assert fetched == []
    # The button names the video by the editor's title, the notice names the provider.
    button = re.search(r'<button class="block-video__start"[^>]*hidden>(.*?)</button>', html, re.S)
    assert TITLE in button[1] and "Play video" in button[1]
    assert "Playing the video loads it from YouTube" in html
    assert "Playing the video loads it from Vimeo" in html
    # Without JavaScript: a plain link to the video on the provider's site.
    assert re.search(
        rf'<a class="block-video__start" href="{re.escape(YOUTUBE_URL)}"[^>]*>\s*'
        rf'<span class="block-video__title">{re.escape(TITLE)}</span>\s*'
        r'<span class="block-video__action">Watch on YouTube</span>',
        html,
    )
    assert (
        'data-player-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?feature=oembed&amp;autoplay=1"'
        in html
    )
    assert f'data-player-title="{TITLE}"' in html
    assert "video-player.js" in html
    # The transcript and the link under the player stay.
    assert "The bob swings back and forth." in html
    assert f'<a href="{YOUTUBE_URL}">Watch “{TITLE}”</a>' in html


def test_each_video_has_its_own_notice(client, stored_players):
    html = page_with_videos(client, [(YOUTUBE_URL, TITLE, ""), (VIMEO_URL, "Foucault", "")])
    notices = re.findall(r'<p class="block-video__notice" id="([^"]+)"', html)
    assert len(set(notices)) == 2
    for notice in notices:
        assert html.count(f'aria-describedby="{notice}"') == 2


def test_a_video_stored_from_another_provider_leaves_only_a_link(client, stored_players):
    """A video saved before the providers were restricted shows no frame the policy blocks."""
    Embed.objects.create(
        url="https://www.dailymotion.com/video/x8abcde",
        hash=get_embed_hash("https://www.dailymotion.com/video/x8abcde", None, None),
        html='<iframe src="https://www.dailymotion.com/embed/video/x8abcde"></iframe>',
        type="video",
    )
    html = page_with_videos(client, [("https://www.dailymotion.com/video/x8abcde", TITLE, "")])
    assert "dailymotion.com/embed" not in html
    assert "data-video-player" not in html
    assert f'<a href="https://www.dailymotion.com/video/x8abcde">Watch “{TITLE}”</a>' in html
