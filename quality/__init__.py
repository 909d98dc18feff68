"""The quality gate of csti-cms (``make quality``) and the servers its benchmarks share.

``python -m quality`` serves the demo site as in production and checks every page
of its sitemap in every language: accessibility (axe-core in Chromium), HTML
validity (the Nu HTML checker), what search engines read (title, description,
language, canonical, hreflang, OpenGraph, JSON-LD) and every internal link and
image. See ``python -m quality --help``.
"""
