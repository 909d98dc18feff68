"""The links between the pages of a listing, alike on every listing of the theme and its plugins."""

from django import template
from django.template.defaulttags import querystring

register = template.Library()


@register.inclusion_tag("csti_core/includes/pagination.html", takes_context=True)
def pagination(context, listed, parameter="page", fragment="", label=""):
    """Previous, numbered and next links for ``listed``, a Paginator page.

    Pages are numbered around the current one, with the first and the last, so a visitor on
    page 1 of 40 agenda pages can jump to the end. Each link sets ``parameter`` as
    ``{% querystring %}`` does, keeping the listing's filters, and may lead back to the
    listing's ``fragment`` when it sits lower on the page (a declaration's endorsers).
    ``label`` names the navigation for screen readers ("Result pages" when left empty).
    """

    def address(number):
        return querystring(context, **{parameter: number}) + (f"#{fragment}" if fragment else "")

    paginator = listed.paginator
    numbers = paginator.get_elided_page_range(listed.number)
    return {
        "label": label,
        "current": listed.number,
        "numbers": [
            (number, "" if number == paginator.ELLIPSIS else address(number)) for number in numbers
        ],
        "previous": address(listed.previous_page_number()) if listed.has_previous() else "",
        "next": address(listed.next_page_number()) if listed.has_next() else "",
    }
