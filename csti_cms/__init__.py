"""csti-cms: a Wagtail distribution for science-centre websites."""

__version__ = "0.1.0"
