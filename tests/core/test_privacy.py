"""What the site gives away about visitors and editors to third parties: as little as it can."""

import hashlib

import pytest
from django.test import RequestFactory
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from csti_cms.blocks import VideoEmbedBlock
from csti_cms.enquiries.ratelimit import RateLimit

YOUTUBE = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/dQw4w9WgXcQ?'
    'feature=oembed" frameborder="0" allowfullscreen title="A chemistry show"></iframe>'
)


@pytest.mark.django_db
def test_a_stored_youtube_embed_plays_without_cookies():
    """Embeds Wagtail stored before this change are rewritten when shown, too."""
    url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    Embed.objects.create(url=url, hash=get_embed_hash(url, None, None), html=YOUTUBE, type="video")
    block = VideoEmbedBlock()
    value = block.to_python({"video": url, "title": "A chemistry show", "transcript": ""})
    html = block.render(value)
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in html
    assert "www.youtube.com/embed" not in html


@pytest.mark.django_db
def test_the_admin_sends_no_editor_address_to_gravatar(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode()
    assert "gravatar" not in response.headers["Content-Security-Policy"]


def test_the_rate_limit_key_cannot_be_turned_back_into_an_address(settings):
    """A plain hash of an IPv4 address is undone by hashing every address: the key is
    keyed with the site's secret."""
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.10")
    key = RateLimit(request, "booking").key
    assert hashlib.sha256(b"booking|192.0.2.10").hexdigest() not in key
    settings.SECRET_KEY = "another-secret-of-at-least-fifty-characters-for-this-test"
    assert RateLimit(request, "booking").key != key
