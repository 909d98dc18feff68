"""What the public request forms tell visitors about the requests they send."""

from django import template

from csti_cms.enquiries.retention import retention_period_text

register = template.Library()


@register.simple_tag
def retention_period():
    """How long a request keeps the sender's details, in words; "" when kept without end."""
    return retention_period_text()
