"""The floor of the benchmarks: the least a page could cost through this stack.

A bare Django view that returns a fixed page of a typical size, without template,
database or Wagtail, but through the site's full middleware. A page type's time
divided by this view's time says how much the page itself costs.
"""

from django.http import HttpResponse

#: About the size of a demo page (12 kB), so the floor pays the same for bytes.
FIXED_PAGE = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
    "<title>Floor</title></head><body><main>"
    + "<p>A fixed paragraph of text, the same on every request.</p>\n" * 200
    + "</main></body></html>\n"
).encode()


def floor(request):
    return HttpResponse(FIXED_PAGE, content_type="text/html; charset=utf-8")
