"""The vocabularies of venue hire: room layouts, equipment, catering, kinds of event.

Layout names follow the events trade's usual ones, so organisers compare the
centre's spaces with any other venue's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Layout(models.TextChoices):
    THEATRE = "theatre", _("Theatre")
    CLASSROOM = "classroom", _("Classroom")
    BANQUET = "banquet", _("Banquet")
    CABARET = "cabaret", _("Cabaret")
    RECEPTION = "reception", _("Reception (standing)")
    BOARDROOM = "boardroom", _("Boardroom")


#: The page field holding each layout's capacity.
CAPACITY_FIELDS = {layout: f"capacity_{layout.value}" for layout in Layout}

EQUIPMENT = [
    ("projector", _("Projector and screen")),
    ("display", _("Large display screen")),
    ("sound", _("Sound system")),
    ("microphones", _("Wireless microphones")),
    ("hearing-loop", _("Induction loop")),
    ("video-conference", _("Video-conferencing")),
    ("streaming", _("Live streaming")),
    ("stage", _("Stage")),
    ("stage-lighting", _("Stage lighting")),
    ("wifi", _("Wi-Fi")),
    ("flipcharts", _("Flip charts and whiteboards")),
    ("daylight", _("Daylight")),
    ("blackout", _("Full blackout")),
]

CATERING = [
    ("coffee", _("Coffee breaks")),
    ("lunch", _("Sandwich lunch")),
    ("buffet", _("Buffet")),
    ("walking-dinner", _("Walking dinner")),
    ("seated-dinner", _("Seated dinner")),
    ("cocktail", _("Cocktail reception")),
    ("own-caterer", _("Your own caterer")),
]


class EventType(models.TextChoices):
    MEETING = "meeting", _("Meeting or seminar")
    CONFERENCE = "conference", _("Conference")
    RECEPTION = "reception", _("Reception or cocktail")
    LAUNCH = "launch", _("Product launch or press event")
    TEAM_BUILDING = "team-building", _("Team building")
    PRIVATE = "private", _("Private celebration")
    OTHER = "other", _("Other")
