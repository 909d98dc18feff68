"""Template filters for times of day and day dates in the visitor's language
(see :mod:`csti_cms.core.dates`)."""

from django import template

from csti_cms.core.dates import day_date, time_of_day

register = template.Library()

register.filter("time_of_day", time_of_day, expects_localtime=True)
register.filter("day_date", day_date, expects_localtime=True)
